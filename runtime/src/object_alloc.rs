//! The memory behind Python objects. Blocks of up to 512 bytes (nearly every object:
//! ints, floats, instances, tuples, iterators, frames of generators) come from 16 KiB
//! pools, each serving one size class (16-byte steps), carved out of 1 MiB arenas mapped
//! from the OS; bigger blocks come from `malloc`.
//!
//! Why not `malloc` for everything: Python programs allocate and free small objects of a
//! handful of sizes at a very high rate; glibc's fast paths cover only a few blocks per
//! size before its general bins, and its periodic consolidation walks the heap (glibc's
//! malloc/free/consolidate were 18 % of float_objects.py). A pool hands out a block with
//! a free-list pop or a bump of an offset, and takes it back with a push.
//!
//! Layout: an arena is 1 MiB-aligned, so whether a block belongs to a pool is one bit of
//! `ARENA_MAP` (one bit per MiB of the 47-bit user address space), and its pool header
//! is at the block's address rounded down to 16 KiB. A pool with room is on its class's
//! `partial` list; a full pool is on no list; an empty pool goes to `free_pools`, where
//! any class can take it (unless it is its class's only pool: a loop that allocates and
//! frees one temporary must not re-initialise a pool each time). A full collection of
//! the cycle GC (`trim`) gives the pages of empty pools beyond `KEEP_FREE_POOLS` back to
//! the OS; doing it on every release made programs that drop and rebuild big structures
//! (binary_trees.py) fault their pages back in 17 times as often.
//!
//! The same pools serve Rust's own small allocations (`RuntimeAllocator`, the global
//! allocator of every program: list and dict storage, strings being built, frames'
//! locals) made by a thread that holds the GIL: glibc's malloc/free pair cost ~150
//! instructions where a pool's pop and push cost ~20, and `p[:k] = p[k::-1]` makes and
//! frees one buffer per statement. Any other thread (before start-up, or one waiting
//! for the GIL) gets `malloc`; a pool block freed by such a thread is pushed on a
//! lock-free list that the next GIL holder drains (`drain_remote_frees`).
//!
//! Invariant: every call happens under the GIL (`gil::GilCell`), as for all object
//! memory, except `RuntimeAllocator`'s entry points, which check it. `PYRT_PLAIN_MALLOC=1` in the environment at start-up sends every block to
//! `malloc`, so valgrind and AddressSanitizer see each object (tests/memory).

use std::cell::Cell;
use std::ptr;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering, Ordering::Relaxed};

const POOL_SIZE: usize = 16 << 10;
const ARENA_SIZE: usize = 1 << 20;
const ARENA_SHIFT: u32 = 20;
const STEP: usize = 16;
const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / STEP + 1;
/// Bytes at the start of a pool before its first block (the `Pool` header, rounded up to
/// the block alignment).
const POOL_HEADER: usize = std::mem::size_of::<Pool>().next_multiple_of(STEP);
/// Empty pools kept with their memory by `trim` (4 MiB).
const KEEP_FREE_POOLS: usize = 256;
const PAGE: usize = 4096;
/// Arenas addressable by `ARENA_MAP`: user space is below 2^47 on x86-64.
const MAX_ARENAS: usize = 1 << (47 - ARENA_SHIFT);

/// One bit per possible arena: set when that MiB of address space is one of our arenas.
/// Zero-initialised, so it costs no memory until arenas exist (16 MiB of address space).
static ARENA_MAP: [AtomicU64; MAX_ARENAS / 64] = [const { AtomicU64::new(0) }; MAX_ARENAS / 64];

#[repr(C)]
struct Pool {
    /// Blocks to give, linked through their first word; null only when the pool is full
    /// (never-used blocks past `bump` are threaded on one at a time).
    free: *mut u8,
    /// Neighbours in the class's `partial` list, or the next pool in `free_pools`.
    next: *mut Pool,
    prev: *mut Pool,
    /// Offset of the first block never handed out.
    bump: u32,
    /// Blocks currently handed out.
    used: u32,
    /// Block size in bytes (`class * STEP`).
    size: u32,
    class: u32,
    /// On the free list with its pages (but the header's) returned to the OS.
    trimmed: u32,
}

struct Heap {
    /// Per class: the pools with at least one block to give (the head is used first).
    partial: [Cell<*mut Pool>; CLASSES],
    free_pools: Cell<*mut Pool>,
    free_pool_count: Cell<usize>,
    /// The never-used part of the newest arena.
    fresh: Cell<*mut u8>,
    fresh_end: Cell<*mut u8>,
    /// 0: not decided yet; 1: pools; 2: plain malloc (`PYRT_PLAIN_MALLOC`, or no arena
    /// could be mapped).
    mode: Cell<u8>,
}

static HEAP: crate::gil::GilCell<Heap> = crate::gil::GilCell::new(Heap {
    partial: [const { Cell::new(ptr::null_mut()) }; CLASSES],
    free_pools: Cell::new(ptr::null_mut()),
    free_pool_count: Cell::new(0),
    fresh: Cell::new(ptr::null_mut()),
    fresh_end: Cell::new(ptr::null_mut()),
    mode: Cell::new(0),
});

/// Dead objects of one exact, non-container, dict-less static type kept for reuse (the
/// float free list, list iterators): a pop and a push of ~6 instructions each, where
/// `object::alloc` and `object::dealloc` take ~80 and ~45 for such an object. A kept
/// block has refcount 0 and keeps its type word; it links to the next one through its
/// first payload word (offset 16). At most `max` are kept; beyond that a dead block goes
/// back to the pools. Used under the GIL only (`GilCell`).
pub struct FreeBlocks {
    head: Cell<*mut u64>,
    len: Cell<usize>,
    max: usize,
}

/// Byte offset of the link word in a kept block: the first payload word.
const LINK: usize = 16;

impl FreeBlocks {
    pub const fn new(max: usize) -> FreeBlocks {
        FreeBlocks { head: Cell::new(ptr::null_mut()), len: Cell::new(0), max }
    }

    /// A kept block (refcount 1, type word as it was), if any; its payload is stale.
    #[inline(always)]
    pub fn pop(&self) -> Option<*mut u8> {
        let h = self.head.get();
        if h.is_null() {
            return None;
        }
        // SAFETY: blocks on the list are live allocations of at least 24 bytes owned by
        // the list, written by `push`.
        unsafe {
            self.head.set(*(h as *mut u8).add(LINK).cast::<*mut u64>());
            *h = 1;
        }
        self.len.set(self.len.get() - 1);
        Some(h as *mut u8)
    }

    /// Keeps the block of dead object `h`, or frees it when the list is full.
    ///
    /// # Safety
    /// `h` starts a pool or malloc block of at least 24 bytes (an object without a GC
    /// header) that nothing references any more; its payload has been released.
    #[inline(always)]
    pub unsafe fn push(&self, h: *mut u8) {
        if self.len.get() >= self.max {
            free_block(h);
            return;
        }
        *(h as *mut u64) = 0;
        *h.add(LINK).cast::<*mut u64>() = self.head.get();
        self.head.set(h as *mut u64);
        self.len.set(self.len.get() + 1);
    }
}

/// A block of at least `n` bytes, 16-byte aligned. Never null: running out of memory is
/// fatal, as for the rest of the object model.
///
/// # Safety
/// Caller holds the GIL; the block is released with `free_block` only.
#[inline]
pub unsafe fn alloc_block(n: usize) -> *mut u8 {
    debug_assert!(n >= STEP, "every object has a header");
    let class = n.div_ceil(STEP);
    if class < CLASSES {
        let b = HEAP.with(|h| {
            let pool = h.partial[class].get();
            if pool.is_null() {
                ptr::null_mut()
            } else {
                take_block(h, pool)
            }
        });
        if !b.is_null() {
            return b;
        }
        let b = alloc_from_new_pool(class);
        if !b.is_null() {
            return b;
        }
    }
    let b = libc::malloc(n) as *mut u8;
    if b.is_null() {
        crate::errors::fatal("out of memory");
    }
    b
}

/// Returns a block from `alloc_block`.
///
/// # Safety
/// Caller holds the GIL; `b` came from `alloc_block` and is not used afterwards.
#[inline]
pub unsafe fn free_block(b: *mut u8) {
    if !in_arena(b) {
        libc::free(b as *mut libc::c_void);
        return;
    }
    let pool = (b as usize & !(POOL_SIZE - 1)) as *mut Pool;
    let was_full = (*pool).free.is_null();
    *(b as *mut *mut u8) = (*pool).free;
    (*pool).free = b;
    (*pool).used -= 1;
    HEAP.with(|h| {
        if was_full {
            push_partial(h, pool);
        } else if (*pool).used == 0 && !(*pool).next.is_null() | !(*pool).prev.is_null() {
            unlink_partial(h, pool);
            release_pool(h, pool);
        }
    });
}

/// Whether `b` lies in one of our arenas.
#[inline]
fn in_arena(b: *mut u8) -> bool {
    let arena = b as usize >> ARENA_SHIFT;
    arena < MAX_ARENAS && ARENA_MAP[arena / 64].load(Relaxed) & (1 << (arena % 64)) != 0
}

/// The size of the pool block starting at `b`, or `None` for a `malloc` block (whose
/// size we do not know). str.rs grows a str in place within its block's slack.
///
/// # Safety
/// `b` is the start of a live block from `alloc_block`.
#[inline]
pub unsafe fn block_size(b: *const u8) -> Option<usize> {
    if !in_arena(b as *mut u8) {
        return None;
    }
    let pool = (b as usize & !(POOL_SIZE - 1)) as *const Pool;
    Some((*pool).size as usize)
}

/// Hands out the first free block of `pool` (which has one).
#[inline]
unsafe fn take_block(h: &Heap, pool: *mut Pool) -> *mut u8 {
    let b = (*pool).free;
    let next = *(b as *mut *mut u8);
    (*pool).free = next;
    (*pool).used += 1;
    if next.is_null() {
        extend_or_unlink(h, pool);
    }
    b
}

/// Keeps the invariant that a pool with room has a free block: threads the next
/// never-used block onto the free list, or takes a pool with none left off its list.
#[inline(never)]
unsafe fn extend_or_unlink(h: &Heap, pool: *mut Pool) {
    let bump = (*pool).bump as usize;
    let size = (*pool).size as usize;
    if bump + size <= POOL_SIZE {
        let b = (pool as *mut u8).add(bump);
        *(b as *mut *mut u8) = ptr::null_mut();
        (*pool).free = b;
        (*pool).bump = (bump + size) as u32;
    } else {
        unlink_partial(h, pool);
    }
}

unsafe fn push_partial(h: &Heap, pool: *mut Pool) {
    let head = &h.partial[(*pool).class as usize];
    let old = head.get();
    (*pool).prev = ptr::null_mut();
    (*pool).next = old;
    if !old.is_null() {
        (*old).prev = pool;
    }
    head.set(pool);
}

unsafe fn unlink_partial(h: &Heap, pool: *mut Pool) {
    let (prev, next) = ((*pool).prev, (*pool).next);
    if prev.is_null() {
        h.partial[(*pool).class as usize].set(next);
    } else {
        (*prev).next = next;
    }
    if !next.is_null() {
        (*next).prev = prev;
    }
    (*pool).next = ptr::null_mut();
    (*pool).prev = ptr::null_mut();
}

/// Puts an empty pool on the free list.
#[cold]
unsafe fn release_pool(h: &Heap, pool: *mut Pool) {
    h.free_pool_count.set(h.free_pool_count.get() + 1);
    (*pool).next = h.free_pools.get();
    h.free_pools.set(pool);
}

/// Returns the pages of empty pools beyond the first `KEEP_FREE_POOLS` to the OS (all but
/// the page holding each pool's header, which keeps the free list linked). Called after
/// full collections, when a program that freed much is likely to keep its size.
pub fn trim() {
    HEAP.with(|h| unsafe {
        let mut pool = h.free_pools.get();
        let mut kept = 0;
        while !pool.is_null() {
            if kept < KEEP_FREE_POOLS {
                kept += 1;
            } else if (*pool).trimmed == 0 {
                (*pool).trimmed = 1;
                libc::madvise((pool as *mut u8).add(PAGE) as *mut libc::c_void, POOL_SIZE - PAGE, libc::MADV_DONTNEED);
            }
            pool = (*pool).next;
        }
    })
}

/// Starts a pool for `class` (whose `partial` list is empty) and takes a block from it;
/// null when blocks must come from `malloc`.
#[cold]
unsafe fn alloc_from_new_pool(class: usize) -> *mut u8 {
    HEAP.with(|h| {
        let pool = empty_pool(h);
        if pool.is_null() {
            return ptr::null_mut();
        }
        let first = (pool as *mut u8).add(POOL_HEADER);
        *(first as *mut *mut u8) = ptr::null_mut();
        ptr::write(
            pool,
            Pool {
                free: first,
                next: ptr::null_mut(),
                prev: ptr::null_mut(),
                bump: (POOL_HEADER + class * STEP) as u32,
                used: 0,
                size: (class * STEP) as u32,
                class: class as u32,
                trimmed: 0,
            },
        );
        push_partial(h, pool);
        take_block(h, pool)
    })
}

/// An empty pool: a released one, else the next one of the newest arena, else one of a
/// new arena. Null in plain-malloc mode.
unsafe fn empty_pool(h: &Heap) -> *mut Pool {
    let pool = h.free_pools.get();
    if !pool.is_null() {
        h.free_pools.set((*pool).next);
        h.free_pool_count.set(h.free_pool_count.get() - 1);
        return pool;
    }
    if h.fresh.get() == h.fresh_end.get() && !map_arena(h) {
        return ptr::null_mut();
    }
    let pool = h.fresh.get();
    h.fresh.set(pool.add(POOL_SIZE));
    pool as *mut Pool
}

/// Maps a new arena and makes it the fresh one; false in plain-malloc mode.
unsafe fn map_arena(h: &Heap) -> bool {
    if h.mode.get() == 0 {
        let plain = !libc::getenv(c"PYRT_PLAIN_MALLOC".as_ptr()).is_null();
        h.mode.set(if plain { 2 } else { 1 });
    }
    if h.mode.get() == 2 {
        return false;
    }
    let arena = map_aligned_arena();
    if arena.is_null() {
        h.mode.set(2);
        return false;
    }
    let index = arena as usize >> ARENA_SHIFT;
    if index >= MAX_ARENAS {
        libc::munmap(arena as *mut libc::c_void, ARENA_SIZE);
        h.mode.set(2);
        return false;
    }
    ARENA_MAP[index / 64].fetch_or(1 << (index % 64), Relaxed);
    h.fresh.set(arena);
    h.fresh_end.set(arena.add(ARENA_SIZE));
    true
}

/// One MiB of fresh memory aligned to a MiB (twice that is mapped, the ends trimmed), or
/// null.
unsafe fn map_aligned_arena() -> *mut u8 {
    let span = 2 * ARENA_SIZE;
    let raw = libc::mmap(
        ptr::null_mut(),
        span,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
        0,
    );
    if raw == libc::MAP_FAILED {
        return ptr::null_mut();
    }
    let start = raw as usize;
    let aligned = start.next_multiple_of(ARENA_SIZE);
    if aligned > start {
        libc::munmap(raw, aligned - start);
    }
    let tail = start + span - (aligned + ARENA_SIZE);
    if tail > 0 {
        libc::munmap((aligned + ARENA_SIZE) as *mut libc::c_void, tail);
    }
    aligned as *mut u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_and_distinct() {
        // The only unit test touching the heap, so no other thread races it.
        unsafe {
            let a: Vec<*mut u8> = (0..2000).map(|i| alloc_block(16 + (i % 40) * 8)).collect();
            let mut sorted = a.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), a.len());
            for (i, &b) in a.iter().enumerate() {
                assert_eq!(b as usize % 16, 0);
                ptr::write_bytes(b, i as u8, 16 + (i % 40) * 8);
            }
            for (i, &b) in a.iter().enumerate() {
                assert_eq!(*b.add(15), i as u8);
                free_block(b);
            }
            let big = alloc_block(4000);
            assert!(!in_arena(big));
            free_block(big);
        }
    }
}

// ----- Rust's global allocator -----

/// The global allocator of programs linking the runtime (module doc).
pub struct RuntimeAllocator;

#[global_allocator]
static GLOBAL: RuntimeAllocator = RuntimeAllocator;

/// Pool blocks freed by threads without the GIL, linked through their first word.
static REMOTE_FREES: AtomicPtr<u8> = AtomicPtr::new(ptr::null_mut());

/// Can `layout` come from a pool on this thread?
#[inline]
fn pool_fits(layout: &Layout) -> bool {
    layout.size() <= MAX_SMALL && layout.align() <= STEP && crate::gil::holds_gil()
}

/// A block from `malloc` (or `posix_memalign` beyond its 16-byte alignment), null when
/// out of memory as `GlobalAlloc` wants.
unsafe fn sys_alloc(layout: &Layout) -> *mut u8 {
    if layout.align() <= STEP {
        return libc::malloc(layout.size()) as *mut u8;
    }
    let mut p: *mut libc::c_void = ptr::null_mut();
    if libc::posix_memalign(&mut p, layout.align(), layout.size()) != 0 {
        return ptr::null_mut();
    }
    p as *mut u8
}

/// Frees a pool block on a thread that may not hold the GIL.
unsafe fn free_pool_block(b: *mut u8) {
    if crate::gil::holds_gil() {
        free_block(b);
        return;
    }
    let mut head = REMOTE_FREES.load(Relaxed);
    loop {
        *(b as *mut *mut u8) = head;
        match REMOTE_FREES.compare_exchange_weak(head, b, Ordering::Release, Relaxed) {
            Ok(_) => return,
            Err(h) => head = h,
        }
    }
}

/// Returns the blocks other threads freed to their pools (GIL held: `gil::acquire`).
pub fn drain_remote_frees() {
    let mut b = REMOTE_FREES.swap(ptr::null_mut(), Ordering::Acquire);
    while !b.is_null() {
        // SAFETY: each block on the list came from a pool and was freed exactly once; the
        // GIL is held, as `free_block` requires.
        unsafe {
            let next = *(b as *mut *mut u8);
            free_block(b);
            b = next;
        }
    }
}

// SAFETY: pool blocks are handed out and taken back only under the GIL (`pool_fits`,
// `free_pool_block`); every other block is malloc's. A block's origin is known from its
// address (`in_arena`), so `dealloc`/`realloc` never need the layout to decide.
unsafe impl GlobalAlloc for RuntimeAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if pool_fits(&layout) {
            return alloc_block(layout.size().max(STEP));
        }
        sys_alloc(&layout)
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
        if in_arena(p) {
            free_pool_block(p);
        } else {
            libc::free(p as *mut libc::c_void);
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !in_arena(p) && layout.align() <= STEP && !(new_size <= MAX_SMALL && crate::gil::holds_gil()) {
            return libc::realloc(p as *mut libc::c_void, new_size) as *mut u8;
        }
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let q = self.alloc(new_layout);
        if !q.is_null() {
            ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
            self.dealloc(p, layout);
        }
        q
    }
}
