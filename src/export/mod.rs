//! Exports for other programs: calendars (ICS) and contacts (vCard).
//!
//! Pure renderers: they take the model and computed shifts and return text;
//! files and the clock stay with the command line.

pub mod ics;
pub mod vcard;
