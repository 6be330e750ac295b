//! The links between indikatorer and insatser on the command line: `insats show` lists an
//! insats's indikatorer and `insats indikator N` an indikator's insatser.

fn stdout(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn show_lists_the_linked_indikatorer() {
    let s = stdout(&["show", "missbruk-5.2-kognitiv-beteendeterapi-kbt"]);
    assert!(
        s.ends_with(
            "\nIndikatorer som gäller insatsen (Socialstyrelsen, öppna jämförelser 2019)\n  46  Erbjuder minst en manualbaserad insats\n"
        ),
        "{s}"
    );
    let s = stdout(&["show", "aldre-2.1-hemtjanst"]);
    assert!(!s.contains("Indikatorer som gäller"), "{s}");
}

#[test]
fn indikator_lists_the_linked_insatser() {
    let s = stdout(&["indikator", "20"]);
    assert!(
        s.ends_with(
            "\nInsatser som indikatorn gäller (SKR:s kartläggning av insatser):\n  missbruk-5.1-bostad-forst  Bostad först · missbruk och beroende\n  socpsyk-6.1-bostad-forst   Bostad först · socialpsykiatri\n"
        ),
        "{s}"
    );
    let s = stdout(&["indikator", "1"]);
    assert!(!s.contains("Insatser som indikatorn gäller"), "{s}");
}
