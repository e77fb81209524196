//! Property: any sequence of mutations followed by as many undos leaves
//! every file byte-identical to the start.

use proptest::prelude::*;

use super::gitenv::GitEnv;

#[derive(Debug, Clone)]
enum Mutation {
    Override { who: usize, day: u32, hours: u32 },
    Swap { week: u32 },
    Offer { week: u32 },
    RosterAdd,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0usize..4, 8u32..28, 1u32..30).prop_map(|(who, day, hours)| Mutation::Override { who, day, hours }),
        (1u32..4).prop_map(|week| Mutation::Swap { week }),
        (1u32..4).prop_map(|week| Mutation::Offer { week }),
        Just(Mutation::RosterAdd),
    ]
}

const PEOPLE: [&str; 4] = ["alice", "bob", "carol", "dave"];

/// Runs a mutation; returns whether it made a commit (some are refused,
/// like adding dave twice, and that is fine: they change nothing).
fn run(env: &GitEnv, m: &Mutation) -> bool {
    let mut c = env.oncall();
    match m {
        Mutation::Override { who, day, hours } => {
            let from =
                chrono::DateTime::parse_from_rfc3339(&format!("2026-12-{day:02}T09:00:00+01:00")).unwrap();
            let to = from + chrono::TimeDelta::hours(i64::from(*hours));
            c.args(["override", "team", "--who", PEOPLE[*who]]);
            c.args(["--from", &from.to_rfc3339(), "--to", &to.to_rfc3339()]);
        }
        Mutation::Swap { week } => {
            // Weeks from 2026-11-30: alice, bob, carol, alice, ...; bob's week 1 with the week `week` later.
            let mine = 7;
            let theirs = 7 + 7 * week;
            let d = |n: u32| {
                (chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap() + chrono::Days::new(u64::from(n)))
                    .format("%Y-%m-%d")
                    .to_string()
            };
            c.args([
                "swap",
                "team",
                "--as",
                "bob",
                "--mine",
                &d(mine),
                "--theirs",
                &d(theirs),
            ]);
        }
        Mutation::Offer { week } => {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
                + chrono::Days::new(u64::from(7 * week));
            c.args([
                "offer",
                "team",
                "--as",
                "carol",
                "--shift",
                &day.format("%Y-%m-%d").to_string(),
            ]);
        }
        Mutation::RosterAdd => {
            c.args(["roster", "add", "team", "weekly", "dave", "--from", "2026-12-20"]);
        }
    }
    c.output().unwrap().status.success()
}

/// Every tracked file and its bytes.
fn snapshot(env: &GitEnv) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = env
        .git(&["ls-files"])
        .lines()
        .map(|p| (p.to_string(), std::fs::read(env.dir().join(p)).unwrap()))
        .collect();
    files.sort();
    files
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutations_then_as_many_undos_restore_every_byte(ms in proptest::collection::vec(mutation(), 1..5)) {
        let env = GitEnv::new();
        let start = snapshot(&env);
        let start_tree = env.tree();
        let mut made = 0;
        for m in &ms {
            if run(&env, m) {
                made += 1;
            }
        }
        for _ in 0..made {
            let out = env.oncall().arg("undo").output().unwrap();
            prop_assert!(out.status.success(), "undo failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        prop_assert_eq!(env.tree(), start_tree);
        prop_assert_eq!(snapshot(&env), start);
        prop_assert!(!env.dir().join(".oncall").exists() || std::fs::read_dir(env.dir().join(".oncall")).unwrap().next().is_none());
        env.assert_clean();
    }
}
