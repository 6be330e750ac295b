//! The smallest window insats draws in, known to the layout, the drawing and the command
//! line (`insats render --size`) alike, so that none of them reaches up into another.

/// Smallest window the app draws in; below it a short note is shown instead.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
