//! The German newstest2020 texts of `../shared/corpus` (human and machine translations, in a
//! fixed order), shared by the throughput bench and the timing examples.

use std::path::Path;

/// Every text of `human/*/` and `mt/*/`, sorted by system and file name; none when the corpus
/// is not there.
pub fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/de/newstest2020");
    let mut texts = Vec::new();
    for group in ["human", "mt"] {
        let Ok(systems) = std::fs::read_dir(root.join(group)) else {
            continue;
        };
        let mut systems: Vec<_> = systems.flatten().map(|e| e.path()).collect();
        systems.sort();
        for system in systems {
            let Ok(files) = std::fs::read_dir(&system) else {
                continue;
            };
            let mut files: Vec<_> = files.flatten().map(|e| e.path()).collect();
            files.sort();
            texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
        }
    }
    texts
}
