//! The fault suite: see `handoff::faults`.
fn main() {}
