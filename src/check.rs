//! Semantic checks for `oncall validate`.
