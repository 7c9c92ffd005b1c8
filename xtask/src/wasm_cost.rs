//! What each part of the wasm costs a visitor: the brotli bytes it adds to the file as served. Raw
//! sizes mislead here: brotli removes repetition, so code repeated ten times (the expansions of
//! `html!`) costs little, while a little distinct code (a hashed set, a substring search) costs a lot.
//! So each group of functions is blanked (its bodies replaced by `unreachable`), the file compressed
//! again, and the difference is what that group costs in the transfer. This is how issue 6's cuts
//! were found; `cargo xtask sizes` prints it after twiggy's list.

use crate::steps::Cmd;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

/// A wasm module split into what the measure needs: its sections, its function bodies and names.
struct Module<'a> {
    bytes: &'a [u8],
    /// (section id, byte range of the section's contents)
    sections: Vec<(u8, Range<usize>)>,
    /// Function bodies, in order, as byte ranges of `bytes`.
    bodies: Vec<Range<usize>>,
    /// Function names by body index (imports are not bodies).
    names: HashMap<usize, String>,
}

fn leb(bytes: &[u8], pos: &mut usize) -> Result<u64, String> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let b = *bytes.get(*pos).ok_or("wasm: a number runs past the end")?;
        *pos += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            return Err("wasm: a number is too long".into());
        }
    }
}

fn put_leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn name_at(bytes: &[u8], pos: &mut usize) -> Result<String, String> {
    let len = leb(bytes, pos)? as usize;
    let s = bytes.get(*pos..*pos + len).ok_or("wasm: a name runs past the end")?;
    *pos += len;
    Ok(String::from_utf8_lossy(s).into_owned())
}

impl<'a> Module<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Module<'a>, String> {
        if bytes.get(..4) != Some(b"\0asm") {
            return Err("not a wasm file".into());
        }
        let mut sections = Vec::new();
        let mut pos = 8;
        while pos < bytes.len() {
            let id = bytes[pos];
            pos += 1;
            let len = leb(bytes, &mut pos)? as usize;
            sections.push((id, pos..pos + len));
            pos += len;
        }
        let mut imported = 0usize;
        let mut bodies = Vec::new();
        let mut names_by_index = HashMap::new();
        for (id, range) in &sections {
            let mut p = range.start;
            match id {
                2 => {
                    for _ in 0..leb(bytes, &mut p)? {
                        name_at(bytes, &mut p)?;
                        name_at(bytes, &mut p)?;
                        let kind = bytes[p];
                        p += 1;
                        match kind {
                            0 => {
                                leb(bytes, &mut p)?;
                                imported += 1;
                            }
                            1 => {
                                p += 1;
                                let flags = leb(bytes, &mut p)?;
                                leb(bytes, &mut p)?;
                                if flags & 1 == 1 {
                                    leb(bytes, &mut p)?;
                                }
                            }
                            2 => {
                                let flags = leb(bytes, &mut p)?;
                                leb(bytes, &mut p)?;
                                if flags & 1 == 1 {
                                    leb(bytes, &mut p)?;
                                }
                            }
                            3 => p += 2,
                            4 => {
                                p += 1;
                                leb(bytes, &mut p)?;
                            }
                            k => return Err(format!("wasm: unknown import kind {k}")),
                        }
                    }
                }
                10 => {
                    for _ in 0..leb(bytes, &mut p)? {
                        let len = leb(bytes, &mut p)? as usize;
                        bodies.push(p..p + len);
                        p += len;
                    }
                }
                0 if name_at(bytes, &mut p)? == "name" => {
                    while p < range.end {
                        let sub = bytes[p];
                        p += 1;
                        let len = leb(bytes, &mut p)? as usize;
                        let end = p + len;
                        if sub == 1 {
                            for _ in 0..leb(bytes, &mut p)? {
                                let index = leb(bytes, &mut p)? as usize;
                                names_by_index.insert(index, name_at(bytes, &mut p)?);
                            }
                        }
                        p = end;
                    }
                }
                _ => {}
            }
        }
        let names = names_by_index.into_iter().filter_map(|(i, n)| i.checked_sub(imported).map(|b| (b, n))).collect();
        Ok(Module { bytes, sections, bodies, names })
    }

    /// The module as served (no custom sections), with the bodies in `blank` replaced by `unreachable`.
    fn with_blanked(&self, blank: &HashSet<usize>) -> Vec<u8> {
        let mut out = self.bytes[..8].to_vec();
        for (id, range) in &self.sections {
            let contents = match id {
                0 => continue,
                10 => {
                    let mut code = Vec::new();
                    put_leb(&mut code, self.bodies.len() as u64);
                    for (i, body) in self.bodies.iter().enumerate() {
                        // No locals; `unreachable`; `end`.
                        let b: &[u8] = if blank.contains(&i) { &[0x00, 0x00, 0x0b] } else { &self.bytes[body.clone()] };
                        put_leb(&mut code, b.len() as u64);
                        code.extend_from_slice(b);
                    }
                    code
                }
                _ => self.bytes[range.clone()].to_vec(),
            };
            out.push(*id);
            put_leb(&mut out, contents.len() as u64);
            out.extend_from_slice(&contents);
        }
        out
    }
}

/// The group a function is counted in: the screens' views (Yew names them after its lifecycle), a
/// module of our crates, Yew, core or alloc, or another crate.
fn group_of(name: &str) -> String {
    if name.contains("Stateful>::view") {
        return "the app's view (html!)".into();
    }
    let Some((krate, rest)) = crate::perf::crate_path(name) else { return "(other)".into() };
    let module = rest.split("::").next().unwrap_or(rest);
    let module = module.split('[').next().unwrap_or(module);
    let is_path = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !is_path(krate) {
        return "(other)".into();
    }
    if ["phc", "phc_app", "yew", "core", "alloc"].contains(&krate) && is_path(module) {
        format!("{krate}::{module}")
    } else {
        krate.to_string()
    }
}

fn brotli_len(bytes: &[u8], scratch: &Path) -> Result<u64, String> {
    std::fs::write(scratch, bytes).map_err(|e| e.to_string())?;
    let compressed = scratch.with_extension("wasm.br");
    let status = Cmd::new("brotli").args(["-q", "11", "-f", "-o"]).arg(&compressed).arg(scratch).status().map_err(|e| format!("cannot run brotli: {e}"))?;
    if !status.success() {
        return Err(format!("brotli failed on {}", scratch.display()));
    }
    std::fs::metadata(&compressed).map(|m| m.len()).map_err(|e| e.to_string())
}

/// Prints, for each group of functions of at least `min_raw` bytes, what it adds to the brotli size.
pub fn report(named_wasm: &Path, min_raw: usize) -> Result<(), String> {
    let bytes = std::fs::read(named_wasm).map_err(|e| format!("{}: {e}", named_wasm.display()))?;
    let module = Module::parse(&bytes)?;
    let scratch = named_wasm.with_file_name("blanked.wasm");
    let whole = brotli_len(&module.with_blanked(&HashSet::new()), &scratch)?;
    let mut groups: BTreeMap<String, HashSet<usize>> = BTreeMap::new();
    for i in 0..module.bodies.len() {
        let name = module.names.get(&i).map(String::as_str).unwrap_or("?");
        groups.entry(group_of(name)).or_default().insert(i);
    }
    let mut rows = Vec::new();
    for (group, members) in groups {
        let raw: usize = members.iter().map(|i| module.bodies[*i].len()).sum();
        if raw < min_raw {
            continue;
        }
        let without = brotli_len(&module.with_blanked(&members), &scratch)?;
        rows.push((whole.saturating_sub(without), raw, group));
    }
    rows.sort_by(|a, b| b.cmp(a));
    println!("\nwhat each part of the code costs in the transfer: the brotli bytes it adds to the wasm ({whole} bytes brotli as served)");
    println!("  {:>8}  {:>8}  group", "brotli", "raw");
    for (cost, raw, group) in rows {
        println!("  {cost:>8}  {raw:>8}  {group}");
    }
    println!("  data (message texts, rules, strings) and imports are not in these figures");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for n in [0u64, 1, 127, 128, 300, 16_384, u32::MAX as u64] {
            let mut buf = Vec::new();
            put_leb(&mut buf, n);
            let mut pos = 0;
            assert_eq!(leb(&buf, &mut pos).unwrap(), n);
            assert_eq!(pos, buf.len());
        }
    }

    /// A module with one imported and two defined functions, and their names.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let section = |m: &mut Vec<u8>, id: u8, contents: &[u8]| {
            m.push(id);
            put_leb(m, contents.len() as u64);
            m.extend_from_slice(contents);
        };
        section(&mut m, 1, &[1, 0x60, 0, 0]); // one type: () -> ()
        section(&mut m, 2, &[1, 1, b'm', 1, b'f', 0, 0]); // import m.f, type 0
        section(&mut m, 3, &[2, 0, 0]); // two functions of type 0
        section(&mut m, 10, &[2, 4, 0, 0x01, 0x01, 0x0b, 2, 0, 0x0b]); // nop nop end; end
        let mut names = vec![4, b'n', b'a', b'm', b'e'];
        let sub = [2, 1, 1, b'a', 2, 1, b'b'];
        names.push(1);
        put_leb(&mut names, sub.len() as u64);
        names.extend_from_slice(&sub);
        section(&mut m, 0, &names);
        m
    }

    #[test]
    fn reads_bodies_and_names_and_blanks_a_body() {
        let bytes = module();
        let m = Module::parse(&bytes).unwrap();
        assert_eq!(m.bodies.len(), 2);
        assert_eq!(m.names.get(&0).map(String::as_str), Some("a"));
        assert_eq!(m.names.get(&1).map(String::as_str), Some("b"));
        let blanked = m.with_blanked(&HashSet::from([0]));
        let again = Module::parse(&blanked).unwrap();
        assert_eq!(&blanked[again.bodies[0].clone()], &[0x00, 0x00, 0x0b]);
        assert_eq!(&blanked[again.bodies[1].clone()], &[0x00, 0x0b]);
        assert!(again.names.is_empty(), "custom sections are not served");
    }

    #[test]
    fn groups_by_crate_and_module() {
        assert_eq!(group_of("phc::engine::decide::h1"), "phc::engine");
        assert_eq!(group_of("phc::i18n::annotate::h2"), "phc::i18n");
        assert_eq!(group_of("<yew::dom_bundle::bnode::X as Y>::f"), "yew::dom_bundle");
        assert_eq!(group_of("hashbrown::raw::RawTable<T>::find"), "hashbrown");
        assert_eq!(group_of("<core[c59]::str::pattern::StrSearcher>::new"), "core::str");
        assert_eq!(group_of("<yew::html::component::lifecycle::CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view::h9"), "the app's view (html!)");
        assert_eq!(group_of("check externref shim"), "(other)");
        assert_eq!(group_of("<T as core::fmt::Debug>::fmt::h3"), "core::fmt");
        assert_eq!(group_of("<&dyn core[c59]::fmt::Debug as core[c59]::fmt::Debug>::fmt"), "core::fmt");
    }
}
