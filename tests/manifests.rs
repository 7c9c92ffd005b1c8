//! Every package of the repository says its licence (issue 25: the app, xtask, the floor bench and
//! the fuzz targets said none), the same as the root's.

#[test]
fn every_package_has_the_root_licence() {
    let root = env!("CARGO_MANIFEST_DIR");
    let licence = |path: &str| {
        let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
        // The lines of its [package] table.
        let package = text.lines().skip_while(|l| l.trim() != "[package]").skip(1).take_while(|l| !l.starts_with('['));
        package.into_iter().find_map(|l| l.strip_prefix("license = ").map(str::to_string))
    };
    let expected = licence("Cargo.toml").expect("the root package names its licence");
    for path in ["app/Cargo.toml", "xtask/Cargo.toml", "bench/counter/Cargo.toml", "crates/phc-rules/Cargo.toml", "fuzz/Cargo.toml"] {
        assert_eq!(licence(path).as_deref(), Some(expected.as_str()), "{path}: its [package] has no license = {expected}");
    }
}
