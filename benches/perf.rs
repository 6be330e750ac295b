//! Speed benchmarks (`cargo bench`): loading, start-up to the first frame, and typing a query
//! one character at a time on the real 409 insatser and on synthetic catalogues of 10 000
//! and 100 000 (see `insats::synth`). Budgets and measured figures are in
//! docs/prestanda.md. Nothing here asserts a time: the figures are for reading.
//!
//! Times are wall-clock time by default: that is what a user waits, and a search split over
//! threads (see `insats::search`) is counted as the time until all of them are done. With
//! `INSATS_BENCH_CLOCK=cpu` they are the CPU time of the whole process instead (every
//! thread's, summed), which other processes on a busy machine disturb far less but which
//! counts a threaded search as the work of all its threads, not the wait.
//!
//! `keystroke/per_key/*` prints, after criterion's figures, the median and the slowest of
//! single keystrokes (each timed alone) while the query is typed again and again: the
//! per-keystroke median the budget speaks of.
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use insats::action::Action;
use insats::app::App;
use insats::data::{self, Source};
use insats::keymap::Keymap;
use insats::model::Catalog;
use insats::search::{Scope, SearchIndex};
use insats::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The query typed in the keystroke benchmarks: two words, as a caseworker would type it.
const QUERY: &str = "motiverande samtal";
const SIZES: [usize; 3] = [409, 10_000, 100_000];
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// Whether times are CPU time of the process (`INSATS_BENCH_CLOCK=cpu`) or wall-clock time.
fn cpu_clock() -> bool {
    static CPU: OnceLock<bool> = OnceLock::new();
    *CPU.get_or_init(|| cfg!(unix) && std::env::var("INSATS_BENCH_CLOCK").is_ok_and(|v| v == "cpu"))
}

/// CPU time used by all threads of this process so far.
#[cfg(unix)]
fn process_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the call only writes to it.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &raw mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)");
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// Off unix the benchmarks use wall-clock time only ([`cpu_clock`] is false there).
#[cfg(not(unix))]
fn process_cpu_time() -> Duration {
    unreachable!("INSATS_BENCH_CLOCK=cpu is a unix clock")
}

/// A reading of the clock chosen by [`cpu_clock`].
#[derive(Clone, Copy)]
enum Reading {
    Wall(Instant),
    Cpu(Duration),
}

impl Reading {
    fn now() -> Self {
        if cpu_clock() {
            Reading::Cpu(process_cpu_time())
        } else {
            Reading::Wall(Instant::now())
        }
    }

    fn elapsed(self) -> Duration {
        match self {
            Reading::Wall(i) => i.elapsed(),
            Reading::Cpu(d) => process_cpu_time().saturating_sub(d),
        }
    }
}

/// Criterion's measurement on the chosen clock.
struct Clock(WallTime);

impl Measurement for Clock {
    type Intermediate = Reading;
    type Value = Duration;

    fn start(&self) -> Reading {
        Reading::now()
    }
    fn end(&self, i: Reading) -> Duration {
        i.elapsed()
    }
    fn add(&self, v1: &Duration, v2: &Duration) -> Duration {
        *v1 + *v2
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_secs_f64() * 1e9
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.0.formatter()
    }
}

type Bench = Criterion<Clock>;

fn real() -> Catalog {
    data::load(&Source::Embedded).expect("embedded data")
}

fn catalog_of(rows: usize) -> Catalog {
    insats::synth::catalog(&real(), rows)
}

fn app_of(catalog: Catalog) -> App {
    let mut app = App::new(catalog, Keymap::builtin().expect("keymap").help());
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    terminal.draw(|f| ui::draw(f, app, theme)).expect("draws");
}

fn loading(c: &mut Bench) {
    let mut g = c.benchmark_group("load");
    g.bench_function("embedded", |b| b.iter(real));
    let catalog = real();
    g.bench_function("search_index_409", |b| {
        b.iter(|| SearchIndex::new(black_box(&catalog)));
    });
    // What the interactive app does before its first frame: data, keymap, state, one draw.
    g.bench_function("startup_to_first_frame_embedded", |b| {
        let theme = Theme::plain();
        b.iter(|| {
            let app = app_of(real());
            let mut t = terminal();
            draw(&mut t, &app, &theme);
            t
        });
    });
    g.sample_size(10);
    let mut dir = None;
    g.bench_function("data_dir_100000", |b| {
        let dir = dir.get_or_insert_with(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            data::write_dir(dir.path(), &catalog_of(100_000)).expect("writes");
            dir
        });
        let source = Source::Dir(dir.path().to_path_buf());
        // Freeing 100 000 insatser is not loading them: it happens after the timing.
        b.iter_with_large_drop(|| data::load(&source).expect("loads"));
    });
    g.finish();
}

/// Per keystroke: the app's update for a typed character (filter, rank) and one frame at
/// 120x40 (the list draws and highlights its visible rows). The query is typed from the
/// start again when complete; clearing it is not timed.
fn keystrokes(c: &mut Bench) {
    let mut g = c.benchmark_group("keystroke");
    let theme = Theme::plain();
    let chars: Vec<char> = QUERY.chars().collect();
    for rows in SIZES {
        if rows >= 10_000 {
            g.sample_size(20);
        }
        // Built on first use, so that a filtered run skips the large catalogues.
        let mut state: Option<(App, Terminal<TestBackend>)> = None;
        let mut setup = || {
            let mut app = app_of(catalog_of(rows));
            app.update(Action::FocusSearch);
            let mut t = terminal();
            draw(&mut t, &app, &theme);
            (app, t)
        };
        let mut at = 0;
        // Every single keystroke's time, by its place in the query.
        let mut single: Vec<Vec<Duration>> = vec![Vec::new(); chars.len()];
        g.bench_function(BenchmarkId::new("type_and_draw", rows), |b| {
            let (app, t) = state.get_or_insert_with(&mut setup);
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    if at == chars.len() {
                        app.update(Action::ClearSearch);
                        draw(t, app, &theme);
                        at = 0;
                    }
                    let start = Reading::now();
                    app.update(Action::InsertChar(chars[at]));
                    draw(t, app, &theme);
                    let took = start.elapsed();
                    total += took;
                    single[at].push(took);
                    at += 1;
                }
                total
            });
        });
        report_single_keystrokes(&format!("keystroke/type_and_draw/{rows}"), &chars, single);
        // The first character matches the most insatser: the slowest keystroke.
        g.bench_function(BenchmarkId::new("first_char", rows), |b| {
            let (app, t) = state.get_or_insert_with(&mut setup);
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    app.update(Action::ClearSearch);
                    draw(t, app, &theme);
                    let start = Reading::now();
                    app.update(Action::InsertChar(chars[0]));
                    draw(t, app, &theme);
                    total += start.elapsed();
                }
                total
            });
        });
    }
    g.finish();
}

/// Criterion's figure for typing is the mean over the keystrokes of a sample; print the
/// median of single keystrokes too, and each character's median, slowest first in the query.
fn report_single_keystrokes(name: &str, chars: &[char], single: Vec<Vec<Duration>>) {
    let median = |v: &mut Vec<Duration>| -> Option<Duration> {
        v.sort_unstable();
        v.get(v.len() / 2).copied()
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut all: Vec<Duration> = single.iter().flatten().copied().collect();
    let Some(mid) = median(&mut all) else {
        return;
    };
    let p90 = all[all.len() * 9 / 10];
    let max = all[all.len() - 1];
    println!(
        "{name}: single keystrokes: median {:.3} ms, 90th percentile {:.3} ms, slowest {:.3} ms (n = {})",
        ms(mid),
        ms(p90),
        ms(max),
        all.len()
    );
    let per_char: Vec<String> = chars
        .iter()
        .zip(single)
        .filter_map(|(c, mut v)| median(&mut v).map(|m| format!("{c:?} {:.3}", ms(m))))
        .collect();
    println!("{name}: median per character (ms): {}", per_char.join(", "));
}

/// The parts on their own: one search of the whole query, and one frame.
fn parts(c: &mut Bench) {
    let mut g = c.benchmark_group("part");
    let theme = Theme::plain();
    for rows in SIZES {
        if rows >= 10_000 {
            g.sample_size(20);
        }
        let mut index = None;
        g.bench_function(BenchmarkId::new("search_whole_query", rows), |b| {
            let index = index.get_or_insert_with(|| SearchIndex::new(&catalog_of(rows)));
            b.iter(|| index.search(black_box(QUERY), &Scope::All));
        });
    }
    // Whether splitting a scan over threads pays: the first keystroke at 100 000, where
    // nearly every name is scored, on one thread and on as many as the machine gives.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut large: Option<SearchIndex> = None;
    for (name, threads) in [("one", 1), ("all_cores", cores)] {
        g.bench_function(BenchmarkId::new("search_m_100000_threads", name), |b| {
            let index = large
                .take()
                .unwrap_or_else(|| SearchIndex::new(&catalog_of(100_000)))
                .with_threads(threads);
            b.iter(|| index.search(black_box("m"), &Scope::All));
            large = Some(index);
        });
    }
    g.bench_function("frame_120x40_409", |b| {
        let mut app = app_of(real());
        app.update(Action::FocusSearch);
        for c in QUERY.chars() {
            app.update(Action::InsertChar(c));
        }
        let mut t = terminal();
        b.iter(|| draw(&mut t, &app, &theme));
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(Clock(WallTime));
    targets = loading, keystrokes, parts
}
criterion_main!(benches);
