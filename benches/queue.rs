//! The queue at call-center scale: parsing and indexing the task list, filtering as the agent
//! types, changing the sort, and drawing a frame. Run: cargo bench --bench queue
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use deskcoll::clock::Clock;
use deskcoll::domain::codes::MasterData;
use deskcoll::domain::task::{parse_task_list, write_task_list};
use deskcoll::tui::app::{Action, App, Settings, update};
use deskcoll::tui::pages::queue::QueueState;
use deskcoll::tui::view::{self, Theme};
use deskcoll::twin::book::LoanBook;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::hint::black_box;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// The task list as the real server writes it (every value a string).
fn json(n: usize) -> Vec<u8> {
    let book = LoanBook::generate(1, n, n, today());
    let tasks: Vec<_> = book.contracts.iter().map(|c| c.task_on(today())).collect();
    write_task_list(&tasks)
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let body = json(n);
        g.bench_with_input(BenchmarkId::new("tasks_and_index", n), &body, |b, body| {
            b.iter(|| {
                let mut q = QueueState::default();
                q.set_tasks(parse_task_list(black_box(body)).unwrap(), &HashSet::new());
                q
            })
        });
        g.bench_with_input(BenchmarkId::new("serde_json_value", n), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body)).unwrap())
        });
    }
    g.finish();
}

fn queue(n: usize) -> QueueState {
    let mut q = QueueState::default();
    q.set_tasks(parse_task_list(&json(n)).unwrap(), &HashSet::new());
    q
}

fn filter_and_sort(c: &mut Criterion) {
    let mut g = c.benchmark_group("queue");
    for n in [1_000, 10_000, 100_000] {
        let mut q = queue(n);
        // One more character typed: "bu" -> "bud".
        g.bench_function(BenchmarkId::new("filter_one_more_char", n), |b| {
            b.iter(|| {
                q.set_filter("bu");
                q.set_filter(black_box("bud"));
            })
        });
        q.set_filter("");
        g.bench_function(BenchmarkId::new("filter_first_char", n), |b| {
            b.iter(|| {
                q.set_filter(black_box("b"));
                q.set_filter("");
            })
        });
        g.bench_function(BenchmarkId::new("change_sort", n), |b| {
            b.iter(|| q.cycle_sort())
        });
    }
    g.finish();
}

fn settings() -> Settings {
    deskcoll::tui::harness::settings()
}

fn draw(c: &mut Criterion) {
    let mut g = c.benchmark_group("draw");
    for n in [1_000, 100_000] {
        let now = deskcoll::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap();
        let mut app = App::new(
            settings(),
            MasterData::builtin(),
            Clock::at(now),
            Rect::new(0, 0, 200, 60),
        );
        app.start();
        update(
            &mut app,
            Action::TasksLoaded(Ok(parse_task_list(&json(n)).unwrap())),
        );
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let theme = Theme::from_env();
        // The middle of the list, so both panes are full.
        app.queue.list.cursor.selected = app.queue.list.view.len() / 2;
        g.bench_function(BenchmarkId::new("queue_and_detail_200x60", n), |b| {
            b.iter(|| {
                terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
            })
        });
    }
    g.finish();
}

/// What the screen's own thread does when a task list arrives (index, zones, windows, sort):
/// the longest a key press can wait behind a refresh.
fn arrive(c: &mut Criterion) {
    let mut g = c.benchmark_group("arrive");
    g.sample_size(10);
    for n in [1_000, 100_000] {
        let tasks = parse_task_list(&json(n)).unwrap();
        let zones =
            deskcoll::tui::zones_of(&deskcoll::domain::zone::RegionTable::builtin(), &tasks);
        let now = deskcoll::domain::dates::parse_datetime("2026-11-27 10:00:00").unwrap();
        g.bench_function(BenchmarkId::new("tasks_loaded_update", n), |b| {
            b.iter_batched(
                || {
                    let app = App::new(
                        settings(),
                        MasterData::builtin(),
                        Clock::at(now),
                        Rect::new(0, 0, 200, 60),
                    );
                    // The zones are worked out by the runtime, off the screen's thread.
                    (app, (tasks.clone(), zones.clone()))
                },
                |(mut app, (tasks, zones))| {
                    // The order by total due is worked out off the screen's thread too.
                    let by_total = deskcoll::domain::order::by_total_due(&tasks);
                    update(
                        &mut app,
                        Action::TasksPrepared {
                            tasks,
                            zones,
                            by_total,
                        },
                    )
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

/// The list kept on this desk (`list_cache`): read back from its file, and written.
fn saved_list(c: &mut Criterion) {
    let mut g = c.benchmark_group("saved_list");
    g.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    let read_at = chrono::DateTime::parse_from_rfc3339("2026-11-27T07:58:00+07:00").unwrap();
    for n in [1_000, 10_000, 100_000] {
        let tasks = parse_task_list(&json(n)).unwrap();
        let path = dir.path().join(format!("list-{n}.bin"));
        deskcoll::list_cache::save_to(&path, &tasks, read_at).unwrap();
        let bytes = std::fs::metadata(&path).unwrap().len();
        eprintln!("saved list of {n}: {bytes} bytes");
        g.bench_with_input(BenchmarkId::new("load", n), &path, |b, path| {
            b.iter(|| deskcoll::list_cache::load_from(black_box(path)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("save", n), &tasks, |b, tasks| {
            b.iter(|| deskcoll::list_cache::save_to(&path, black_box(tasks), read_at).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, parse, filter_and_sort, draw, arrive, saved_list);
criterion_main!(benches);
