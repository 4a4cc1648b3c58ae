//! JSON Lines (`--format jsonl`): one document object per line, in input order, so archives
//! of any size stream through and each line can be processed on its own (a Hadoop or Spark
//! mapper's output). Each object is the JSON contract's document plus `id`: the record's id
//! field for a JSONL record, else the path.

use std::io::{self, Write};

use serde::Serialize;

use crate::render::Stream;
use crate::render::json::{WireDocument, wire_document};
use crate::report::DocumentReport;
use crate::summary::DocSummary;

#[derive(Serialize)]
struct WireLine<'a> {
    id: &'a str,
    #[serde(flatten)]
    document: WireDocument<'a>,
}

pub struct JsonlStream;

impl Stream for JsonlStream {
    fn render(
        &self,
        _doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        let line = WireLine {
            id: report.id.as_deref().unwrap_or(&report.path),
            document: wire_document(report),
        };
        serde_json::to_writer(&mut *buf, &line)?;
        writeln!(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use crate::report::{Options, check_text};

    #[test]
    fn a_line_is_the_document_shape_plus_id() {
        let mut report = check_text(
            "a.jsonl:3",
            "Ein Satz mit und und.\n".into(),
            &Options::default(),
            &checks::all(),
        );
        report.id = Some("art-7".into());
        let mut buf = Vec::new();
        JsonlStream
            .render(&DocSummary::of(0, &report), &report, &mut buf)
            .expect("render");
        let text = String::from_utf8(buf).expect("UTF-8");
        assert_eq!(text.matches('\n').count(), 1);
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(value["id"], "art-7");
        assert_eq!(value["path"], "a.jsonl:3");
        assert_eq!(value["findings"][0]["rule"], "doubled-word");
    }
}
