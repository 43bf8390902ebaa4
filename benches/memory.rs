//! Memory while loading the task list: peak during the load and held afterwards, against
//! the size of the JSON (targets: peak at most 2x, held at most 1x). A counting allocator
//! measures exactly what the process asks for. Run: cargo bench --bench memory
// A test may stop at the first surprise: unwrapping is how it says so.
#![allow(clippy::unwrap_used)]
// The counting allocator below is the measurement itself.
#![allow(unsafe_code)]

use deskcoll::domain::task::{parse_task_list, write_task_list};
use deskcoll::tui::pages::queue::QueueState;
use deskcoll::twin::book::LoanBook;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    for n in [1_000usize, 10_000, 100_000] {
        let book = LoanBook::generate(1, n, n, today);
        let tasks: Vec<_> = book.contracts.iter().map(|c| c.task_on(today)).collect();
        let json = write_task_list(&tasks);
        drop(tasks);
        drop(book);
        let mut json = json;
        json.shrink_to_fit();
        let json_len = json.len();
        let base = CURRENT.load(Relaxed);
        PEAK.store(base, Relaxed);
        let parsed = parse_task_list(&json).unwrap();
        let mut queue = QueueState::default();
        queue.set_tasks(parsed, &HashSet::new());
        let peak = PEAK.load(Relaxed) - base;
        assert_eq!(queue.tasks.len(), n);
        drop(json);
        let held = CURRENT.load(Relaxed) - (base - json_len);
        println!(
            "tasks {n:>7}: JSON {:>7.1} MiB, peak during load {:>7.1} MiB ({:.2}x, JSON included), held after {:>7.1} MiB ({:.2}x)",
            mib(json_len),
            mib(peak + json_len),
            (peak + json_len) as f64 / json_len as f64,
            mib(held),
            held as f64 / json_len as f64
        );
        // Keeping it on the desk streams the tasks to the file: what it asks for beyond
        // the list (zones, the order, the index, the shared texts) against the JSON.
        let dir = tempfile::tempdir().unwrap();
        let read_at = chrono::DateTime::parse_from_rfc3339("2026-11-27T07:58:00+07:00").unwrap();
        let before = CURRENT.load(Relaxed);
        PEAK.store(before, Relaxed);
        deskcoll::list_cache::save_to(&dir.path().join("l.bin"), &queue.tasks, read_at).unwrap();
        let keep_peak = PEAK.load(Relaxed) - before;
        println!(
            "tasks {n:>7}: keeping the list asks for {:>6.1} MiB more at most ({:.2}x the JSON)",
            mib(keep_peak),
            keep_peak as f64 / json_len as f64
        );
        drop(queue);
    }
}
