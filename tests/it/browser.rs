//! Browser tests (placeholder replaced below).
