//! Which files a config covers: `[paths] include/exclude` glob patterns, relative to the
//! config file's folder. The filter is a plain function of a path so that anything that
//! lists files (command-line paths, a folder walk) can apply it.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

/// Include and exclude patterns anchored at a folder.
#[derive(Debug, Clone, Default)]
pub struct PathFilter {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

/// One pattern: `*` stays within a folder, `**` crosses folders.
pub fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

fn set(patterns: &[String]) -> Result<Option<GlobSet>, globset::Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(glob(p)?);
    }
    builder.build().map(Some)
}

impl PathFilter {
    pub fn new(
        root: &Path,
        include: &[String],
        exclude: &[String],
    ) -> Result<PathFilter, globset::Error> {
        Ok(PathFilter {
            root: absolute(root),
            include: set(include)?,
            exclude: set(exclude)?,
        })
    }

    /// Whether the file at `path` is to be checked. A pattern that matches a folder covers
    /// the files below it. Files outside the config's folder are not filtered: the patterns
    /// cannot name them.
    pub fn allows(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let absolute = absolute(path);
        let Ok(relative) = absolute.strip_prefix(&self.root) else {
            return true;
        };
        let candidates: Vec<&Path> = relative
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        let any = |set: &GlobSet| candidates.iter().any(|c| set.is_match(c));
        if self.exclude.as_ref().is_some_and(any) {
            return false;
        }
        self.include.as_ref().is_none_or(any)
    }
}

/// An absolute path with `.` and `..` resolved lexically (symlinks are not followed, so a
/// path that does not exist yet still has a stable form).
pub(crate) fn absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> PathFilter {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        PathFilter::new(Path::new("/news"), &strings(include), &strings(exclude)).unwrap()
    }

    #[test]
    fn no_patterns_allow_everything() {
        assert!(PathFilter::default().allows(Path::new("any/file.md")));
    }

    #[test]
    fn exclude_wins_and_covers_folders() {
        let f = filter(&["**/*.md"], &["drafts", "*.orig.md"]);
        assert!(f.allows(Path::new("/news/de/a.md")));
        assert!(!f.allows(Path::new("/news/drafts/de/a.md")));
        assert!(!f.allows(Path::new("/news/a.orig.md")));
        assert!(
            f.allows(Path::new("/news/de/a.orig.md")),
            "* stays in its folder"
        );
        assert!(!f.allows(Path::new("/news/de/a.txt")), "not included");
    }

    #[test]
    fn include_of_a_folder_covers_its_files() {
        let f = filter(&["published"], &[]);
        assert!(f.allows(Path::new("/news/published/2024/a.txt")));
        assert!(!f.allows(Path::new("/news/other/a.txt")));
    }

    #[test]
    fn files_outside_the_root_are_not_filtered() {
        let f = filter(&["*.md"], &["**"]);
        assert!(f.allows(Path::new("/elsewhere/a.txt")));
    }

    #[test]
    fn relative_paths_are_resolved_from_the_working_directory() {
        let cwd = std::env::current_dir().unwrap();
        let f = PathFilter::new(&cwd, &[], &["skip".to_string()]).unwrap();
        assert!(!f.allows(Path::new("./skip/a.md")));
        assert!(f.allows(Path::new("keep/../a.md")));
    }
}
