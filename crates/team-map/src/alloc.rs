//! The module's memory allocator in the browser: blocks in power-of-two
//! size classes, each class a free list, carved from the end of the wasm
//! memory as it grows.
//!
//! Why not Rust's default (dlmalloc): it measured 3.6 KB of this module's
//! gzip transfer, with its budget of 60 KB (SPEC §8); this is a few hundred
//! bytes. What it gives up suits a page's module that only draws: memory
//! is never given back (a wasm memory cannot shrink anyway), and a block
//! takes up to twice what was asked. A freed block is reused by the next
//! request of its class, so redrawing a map again and again needs no more
//! memory than its largest drawing did. The module is single-threaded.
//!
//! It is the allocator of whatever wasm links this crate: the module, and
//! the aggregation benchmark built from its heatmap code
//! (`examples/aggregate_bench.rs`). Native builds and tests keep Rust's.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ptr::null_mut;

/// Classes of 8 bytes (2³) up to 2³¹.
const CLASSES: usize = 32;
const PAGE: usize = 65_536;

struct Classes {
    /// The first free block of each class (its first word holds the next), 0 if none.
    free: [Cell<usize>; CLASSES],
    /// Where the next new block may start, and where the memory ends.
    next: Cell<usize>,
    end: Cell<usize>,
}

// The module runs on the page's one thread (wasm32-unknown-unknown without atomics).
unsafe impl Sync for Classes {}

#[global_allocator]
static ALLOCATOR: Classes = Classes {
    free: [const { Cell::new(0) }; CLASSES],
    next: Cell::new(0),
    end: Cell::new(0),
};

/// The class of `layout`: the smallest power of two that holds its size
/// and its alignment, at least one word.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    size.next_power_of_two().trailing_zeros() as usize
}

unsafe impl GlobalAlloc for Classes {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let class = class(layout);
        if class >= CLASSES {
            return null_mut();
        }
        let head = self.free[class].get();
        if head != 0 {
            // SAFETY: a freed block of this class, at least a word long.
            self.free[class].set(unsafe { *(head as *const usize) });
            return head as *mut u8;
        }
        let size = 1usize << class;
        // Blocks are aligned to their size (up to a page), so any layout of
        // the class fits whichever block it is given.
        let align = size.min(PAGE);
        if self.end.get() == 0 {
            let end = core::arch::wasm32::memory_size(0) * PAGE;
            self.next.set(end);
            self.end.set(end);
        }
        let start = (self.next.get() + align - 1) & !(align - 1);
        let Some(stop) = start.checked_add(size) else {
            return null_mut();
        };
        if stop > self.end.get() {
            let pages = (stop - self.end.get()).div_ceil(PAGE);
            if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                return null_mut();
            }
            self.end.set(self.end.get() + pages * PAGE);
        }
        self.next.set(stop);
        start as *mut u8
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let class = class(layout);
        // SAFETY: the block was made for this class, at least a word long and aligned to one.
        unsafe { *(block as *mut usize) = self.free[class].get() };
        self.free[class].set(block as usize);
    }
}
