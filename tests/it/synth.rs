//! Synthetic catalogues: written as a data directory, they load back through the normal
//! loader with unique ids, the real insatser first, and search finds recombined names.

use insats::data::{self, Source};
use insats::search::{Scope, SearchIndex};

fn real() -> insats::model::Catalog {
    data::load(&Source::Embedded).expect("embedded data")
}

#[test]
fn the_real_catalogue_round_trips_through_a_data_directory() {
    let real = real();
    let dir = tempfile::tempdir().expect("tempdir");
    data::write_dir(dir.path(), &real).expect("writes");
    let back = data::load(&Source::Dir(dir.path().to_path_buf())).expect("loads back");
    assert_eq!(back.insatser, real.insatser);
    assert_eq!(back.skane, real.skane);
    assert_eq!(back.lagesrapport, real.lagesrapport);
    assert_eq!(back.indikatorer, real.indikatorer);
    assert_eq!(back.kopplingar, real.kopplingar);
}

#[test]
fn a_synthetic_catalogue_of_3000_loads_back_with_the_real_rows_first() {
    let real = real();
    let synth = insats::synth::catalog(&real, 3000);
    assert_eq!(synth.insatser.len(), 3000);
    assert_eq!(synth.insatser[..real.insatser.len()], real.insatser[..]);
    let dir = tempfile::tempdir().expect("tempdir");
    data::write_dir(dir.path(), &synth).expect("writes");
    // The loader rejects duplicate ids and Skåne rows that link to missing insatser.
    let back = data::load(&Source::Dir(dir.path().to_path_buf())).expect("loads back");
    assert_eq!(back.insatser, synth.insatser);
    assert_eq!(back.skane.len(), real.skane.len());
    assert_eq!(back.kopplingar.len(), real.kopplingar.len());
    // Names are recombined, not copied: far more distinct names than the real ones have.
    let mut names: Vec<&str> = back.insatser.iter().map(|i| i.namn.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert!(names.len() > 2000, "{} distinct names", names.len());
    // The same generator gives the same catalogue.
    assert_eq!(insats::synth::catalog(&real, 3000).insatser, synth.insatser);
    // Search works on it as on the real one: "mi" finds the real (MI) rows first.
    let hits = SearchIndex::new(&back).search("mi", &Scope::All);
    assert!(hits.len() > 7);
    assert!(back.insatser[hits[0].index].namn.contains("(MI)"));
}

#[test]
fn fewer_rows_than_the_real_catalogue_drop_the_links_that_would_dangle() {
    let real = real();
    let small = insats::synth::catalog(&real, 10);
    assert_eq!(small.insatser[..], real.insatser[..10]);
    assert!(small.skane.is_empty());
    assert!(small.kopplingar.is_empty());
    let dir = tempfile::tempdir().expect("tempdir");
    data::write_dir(dir.path(), &small).expect("writes");
    let back = data::load(&Source::Dir(dir.path().to_path_buf())).expect("loads back");
    assert_eq!(back.insatser.len(), 10);
}
