//! Human text (placeholder until the message tables land).
use crate::codes::Lang;
use crate::decision::Decision;
pub fn annotate(_d: &mut Decision<'_>, _lang: Lang) {}
