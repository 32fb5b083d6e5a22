//! Events: what happened, to whom, where and when, typed for organised crime and public order.
//!
//! PLACEHOLDER: being written.
