//! Versions from git history: blobs named `REV:PATH` as `git show` takes them, and the
//! commits that changed a path, through one handle, [`Repo`]. The only module that touches
//! `git2`: its types stay behind [`Repo`], [`CommitId`] and [`BlobId`].

use std::path::{Path, PathBuf};

use git2::{ErrorClass, ErrorCode, ObjectType, Oid, Repository, Sort};

/// Why a version could not be read from git. Every message names what it is about.
#[derive(Debug, thiserror::Error)]
#[allow(missing_docs, reason = "each variant's message says what it is")]
pub enum GitError {
    #[error("{dir}: not a git repository (or any parent up to the root)")]
    NotARepository { dir: String },
    #[error("{spec}: unknown revision {rev:?}")]
    UnknownRevision { spec: String, rev: String },
    #[error("{spec}: path {path:?} is not in {rev}")]
    PathNotInRevision {
        spec: String,
        rev: String,
        path: String,
    },
    #[error("{spec}: {path:?} is a directory in {rev}, not a document")]
    NotABlob {
        spec: String,
        rev: String,
        path: String,
    },
    #[error("{spec}: no commit up to {rev} has this file")]
    NoHistory { spec: String, rev: String },
    #[error("{what}: {message}")]
    Other { what: String, message: String },
}

fn other(what: &str, e: &git2::Error) -> GitError {
    GitError::Other {
        what: what.to_string(),
        message: e.message().to_string(),
    }
}

/// A commit, by id. Only this module sees git2's ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommitId(Oid);

/// A file's content as git stores it, by id: versions with equal ids are the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlobId(Oid);

impl std::fmt::Display for CommitId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A git repository, bare or not, worktree or not.
pub struct Repo {
    repo: Repository,
}

impl Repo {
    /// Open the repository at `dir` (or around the working directory).
    pub fn open(dir: Option<&Path>) -> Result<Repo, GitError> {
        let start = match dir {
            Some(d) => d.to_path_buf(),
            None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        };
        let repo = Repository::discover(&start).map_err(|e| {
            if e.code() == ErrorCode::NotFound {
                GitError::NotARepository {
                    dir: start.display().to_string(),
                }
            } else {
                other(&start.display().to_string(), &e)
            }
        })?;
        Ok(Repo { repo })
    }

    /// A path as git stores it: relative to the repository root, with `/`. A path written
    /// `./x` or `../x` is relative to the working directory, as `git show` reads it.
    pub fn root_path(&self, path: &str) -> String {
        if (path.starts_with("./") || path.starts_with("../"))
            && let (Some(workdir), Ok(cwd)) = (self.repo.workdir(), std::env::current_dir())
            && let (Ok(root), Ok(here)) = (workdir.canonicalize(), cwd.canonicalize())
            && let Ok(relative) = here.strip_prefix(&root)
        {
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            for part in path.split('/') {
                match part {
                    "." | "" => {}
                    ".." => {
                        parts.pop();
                    }
                    p => parts.push(p.to_string()),
                }
            }
            return parts.join("/");
        }
        path.trim_start_matches('/').to_string()
    }

    /// The bytes of `PATH` at `REV`, for a spec `REV:PATH`.
    pub fn read_spec(&self, spec: &str) -> Result<Vec<u8>, GitError> {
        let (rev, path) = split_spec(spec).ok_or_else(|| GitError::Other {
            what: spec.to_string(),
            message: "not a REV:PATH specification".to_string(),
        })?;
        let path = self.root_path(path);
        let commit = self.resolve(rev).map_err(|e| match e {
            GitError::UnknownRevision { rev, .. } => GitError::UnknownRevision {
                spec: spec.to_string(),
                rev,
            },
            other => other,
        })?;
        let in_spec = |e| match e {
            GitError::PathNotInRevision { path, .. } => GitError::PathNotInRevision {
                spec: spec.to_string(),
                rev: rev.to_string(),
                path,
            },
            GitError::NotABlob { path, .. } => GitError::NotABlob {
                spec: spec.to_string(),
                rev: rev.to_string(),
                path,
            },
            other => other,
        };
        let id = self
            .blob_id(commit, &path)
            .and_then(|id| {
                id.ok_or_else(|| GitError::PathNotInRevision {
                    spec: path.clone(),
                    rev: commit.to_string(),
                    path: path.clone(),
                })
            })
            .map_err(in_spec)?;
        self.repo
            .find_blob(id.0)
            .map(|b| b.content().to_vec())
            .map_err(|e| other(&path, &e))
    }

    /// The commit a revision names.
    pub fn resolve(&self, rev: &str) -> Result<CommitId, GitError> {
        let object = self.repo.revparse_single(rev).map_err(|e| {
            if matches!(
                e.class(),
                ErrorClass::Reference | ErrorClass::Object | ErrorClass::Odb
            ) || e.code() == ErrorCode::NotFound
                || e.code() == ErrorCode::Ambiguous
                || e.code() == ErrorCode::InvalidSpec
            {
                GitError::UnknownRevision {
                    spec: rev.to_string(),
                    rev: rev.to_string(),
                }
            } else {
                other(rev, &e)
            }
        })?;
        let commit = object.peel_to_commit().map_err(|e| other(rev, &e))?;
        Ok(CommitId(commit.id()))
    }

    /// The blob at `path` in a commit, or `None` when the commit does not have it.
    fn blob_id(&self, commit: CommitId, path: &str) -> Result<Option<BlobId>, GitError> {
        let tree = self
            .repo
            .find_commit(commit.0)
            .and_then(|c| c.tree())
            .map_err(|e| other(&commit.to_string(), &e))?;
        let entry = match tree.get_path(Path::new(path)) {
            Ok(entry) => entry,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
            Err(e) => return Err(other(path, &e)),
        };
        if entry.kind() != Some(ObjectType::Blob) {
            return Err(GitError::NotABlob {
                spec: path.to_string(),
                rev: commit.to_string(),
                path: path.to_string(),
            });
        }
        Ok(Some(BlobId(entry.id())))
    }

    /// The bytes of a blob.
    pub fn blob(&self, id: BlobId) -> Result<Vec<u8>, GitError> {
        self.repo
            .find_blob(id.0)
            .map(|b| b.content().to_vec())
            .map_err(|e| other(&id.0.to_string(), &e))
    }

    /// What a report shows of a commit.
    pub fn commit(&self, id: CommitId) -> Result<Commit, GitError> {
        let commit = self
            .repo
            .find_commit(id.0)
            .map_err(|e| other(&id.to_string(), &e))?;
        let author = commit.author();
        let when = author.when();
        Ok(Commit {
            id: id.to_string(),
            // Names and subjects that are not UTF-8 are shown lossily rather than refused.
            subject: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default())
                .into_owned(),
            author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            time: rfc3339(when.seconds(), when.offset_minutes()),
        })
    }

    /// Commits that changed `path`, newest first, like `git log -- PATH`: `range` is a
    /// revision (`HEAD`, a tag) or `A..B`. Each commit is compared with its first parent.
    /// With `first_parent`, only the first-parent chain is walked, as blame needs: one line
    /// of versions.
    pub fn changes(
        &self,
        path: &str,
        range: &str,
        first_parent: bool,
    ) -> Result<Vec<Change>, GitError> {
        let path = self.root_path(path);
        let walk_error = |e: git2::Error| other("revwalk", &e);
        let mut walk = self.repo.revwalk().map_err(walk_error)?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)
            .map_err(walk_error)?;
        if first_parent {
            walk.simplify_first_parent().map_err(walk_error)?;
        }
        if range.contains("..") {
            walk.push_range(range)
                .map_err(|_| GitError::UnknownRevision {
                    spec: range.to_string(),
                    rev: range.to_string(),
                })?;
        } else {
            walk.push(self.resolve(range)?.0)
                .map_err(|e| other(range, &e))?;
        }
        let shallow = self.repo.is_shallow();
        let mut out = Vec::new();
        for id in walk {
            let id = CommitId(id.map_err(walk_error)?);
            let commit = self
                .repo
                .find_commit(id.0)
                .map_err(|e| other(&id.to_string(), &e))?;
            let after = self.blob_id(id, &path)?;
            let (before, truncated) = match commit.parent_ids().next() {
                Some(parent) => (self.blob_id(CommitId(parent), &path)?, false),
                None => (None, shallow),
            };
            if before != after {
                out.push(Change {
                    commit: id,
                    before,
                    after,
                    truncated,
                });
            }
        }
        Ok(out)
    }
}

/// Split `REV:PATH`; `None` when the text has no revision part.
pub fn split_spec(spec: &str) -> Option<(&str, &str)> {
    let (rev, path) = spec.split_once(':')?;
    (!rev.is_empty() && !path.is_empty()).then_some((rev, path))
}

/// A commit as reports show it.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[schemars(rename = "CommitRef")]
pub struct Commit {
    /// The full hexadecimal id.
    pub id: String,
    /// The first line of the message.
    pub subject: String,
    /// The author's name.
    pub author: String,
    /// When it was authored: RFC 3339, in the author's own offset.
    pub time: String,
}

/// A commit that changed a path: the blob before (absent for the first version, or where
/// the history is truncated) and after (absent where the commit deleted the path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The commit.
    pub commit: CommitId,
    /// The file in the commit's first parent.
    pub before: Option<BlobId>,
    /// The file in the commit.
    pub after: Option<BlobId>,
    /// The commit is the boundary of a shallow clone: its parent is not here.
    pub truncated: bool,
}

/// Seconds since the epoch and an offset in minutes as RFC 3339 (`2012-07-11T09:30:00+02:00`).
pub fn rfc3339(seconds: i64, offset_minutes: i32) -> String {
    let local = seconds + i64::from(offset_minutes) * 60;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        off / 60,
        off % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_dates() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(rfc3339(1_342_000_000, 120), "2012-07-11T11:46:40+02:00");
        assert_eq!(rfc3339(951_782_400, -300), "2000-02-28T19:00:00-05:00");
    }

    #[test]
    fn specs() {
        assert_eq!(
            split_spec("HEAD~2:versions/a.txt"),
            Some(("HEAD~2", "versions/a.txt"))
        );
        assert_eq!(split_spec("plain.txt"), None);
        assert_eq!(split_spec(":x"), None);
    }
}
