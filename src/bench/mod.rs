//! Benchmark (work in progress).
