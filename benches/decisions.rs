//! Decisions per second through the engine, on one core: `cargo bench --bench decisions`.
//!
//! Two figures: the engine alone (`decide` on parsed requests, what the widget's UI calls on every
//! answer) and the whole contract path (JSON text in, JSON text out, what `phc-check --ndjson` does).
//! A benchmark, not a test: it reports, it never fails on a figure.

use phc::{check_json, decide, parse_request, Rules};
use std::hint::black_box;
use std::time::Instant;

fn requests() -> Vec<String> {
    let mut out = Vec::new();
    let residencies = ["citizen", "kandas", "eaeu_worker", "temporary_visitor", "residence_permit"];
    let reasons = ["free_choice", "campaign", "relocation", "voluntary_insurance", "first_attachment", "clinic_capacity"];
    let ats = ["2026-03-10T15:30:00+05:00", "2026-03-20T19:10:00+05:00", "2025-10-31T12:00:00Z", "2024-05-03T17:59:00+05:00", "2027-09-01T09:00:00", "2019-11-14T10:00:00+06:00"];
    for (i, at) in ats.iter().enumerate() {
        for (j, res) in residencies.iter().enumerate() {
            for (k, reason) in reasons.iter().enumerate() {
                let cats = if (i + j + k) % 3 == 0 { r#"["pensioner"]"# } else { "[]" };
                out.push(format!(
                    r#"{{"service":"attachment","at":"{at}","channel":"{ch}","person":{{"residency":"{res}","categories":{cats},"insurance":"imputed","insurance_until":"2027-12-31","eds":{eds},"consents_to_data_access":true}},"reason":"{reason}","current_attachment":{{"attached":true,"at_target_clinic":false,"free_changes_this_year":{n}}},"relocation":{{"moved_on":"2025-02-01","leaves_unit":true}},"target_unit":"same"}}"#,
                    ch = if k % 2 == 0 { "portal" } else { "in_person" },
                    eds = j % 2 == 0,
                    n = k % 3,
                ));
            }
        }
        out.push(format!(r#"{{"service":"home_visit","at":"{at}","current_attachment":{{"attached":true,"at_target_clinic":true}}}}"#));
        out.push(format!(r#"{{"service":"complaint","at":"{at}","refusal_received_on":"2019-10-01"}}"#));
    }
    out
}

/// Runs `f` over the requests `rounds` times per sample; returns the median decisions per second.
fn measure(n_requests: usize, samples: usize, rounds: usize, mut f: impl FnMut()) -> f64 {
    let mut rates: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..rounds {
                f();
            }
            (n_requests * rounds) as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rates[samples / 2]
}

fn main() {
    let rules = Rules::embedded().expect("built-in rules load");
    let texts = requests();
    let parsed: Vec<_> = texts.iter().map(|t| parse_request(t, None, &rules.zones).expect("valid request")).collect();
    let n = parsed.len();

    let engine = measure(n, 11, 200, || {
        for r in &parsed {
            black_box(decide(black_box(r), &rules).expect("decided"));
        }
    });
    let contract = measure(n, 11, 50, || {
        for t in &texts {
            black_box(check_json(black_box(t), &rules, None, None).expect("decided"));
        }
    });
    let with_text = measure(n, 11, 20, || {
        for t in &texts {
            black_box(check_json(black_box(t), &rules, Some(phc::Lang::Ru), None).expect("decided"));
        }
    });
    println!("requests in the mix: {n}");
    println!("engine (decide on a parsed request): {:>10.0} decisions/s  ({:.2} µs each)", engine, 1e6 / engine);
    println!("contract (JSON in -> JSON out):      {:>10.0} decisions/s  ({:.2} µs each)", contract, 1e6 / contract);
    println!("contract with Russian text:          {:>10.0} decisions/s  ({:.2} µs each)", with_text, 1e6 / with_text);
}
