//! Every input fuzzing ever kept (`tests/fixtures/fuzz/<target>/`) and every seed, run
//! again: none may panic, break a property or take longer than `SLOW` (a second in an
//! optimised build, five in this unoptimised one).

use flowmap_fuzz::{atlas, findings, root, run_one, targets::Target, Outcome};

#[test]
fn kept_findings_and_seeds_run_clean() {
    let atlas = atlas().expect("the atlas");
    let mut ran = 0;
    for target in Target::ALL {
        let kept = findings(target)
            .into_iter()
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()));
        let seeds =
            target.seeds(&root()).into_iter().enumerate().map(|(i, s)| (format!("seed {i}"), s));
        for (name, input) in kept.chain(seeds) {
            let outcome = run_one(target, &input, &atlas);
            assert_eq!(outcome, Outcome::Fine, "{} {name}", target.name());
            ran += 1;
        }
    }
    assert!(ran > 10, "only {ran} inputs");
}
