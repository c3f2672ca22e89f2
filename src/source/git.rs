//! Versions from git history: blobs named `REV:PATH` as `git show` takes them, and the
//! commits that changed a path, through one handle, [`Repo`]. The only module that touches
//! `git2`: its types stay behind [`Repo`], [`CommitId`] and [`BlobId`].

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::{ErrorClass, ErrorCode, ObjectType, Oid, Repository};

/// Why a version could not be read from git. Every message names what it is about.
#[derive(Debug, thiserror::Error)]
#[allow(missing_docs, reason = "each variant's message says what it is")]
pub enum GitError {
    #[error("{dir}: not a git repository (or any parent up to the root)")]
    NotARepository { dir: String },
    #[error("{}", unknown_revision(.spec, .rev))]
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

/// `v9:decl.txt: unknown revision "v9"`, or `v9: unknown revision` when the revision is
/// all that was given: said once.
fn unknown_revision(spec: &str, rev: &str) -> String {
    if spec == rev {
        format!("{spec}: unknown revision")
    } else {
        format!("{spec}: unknown revision {rev:?}")
    }
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

    /// The history of `path` as `git log -- PATH` tells it: `range` is a revision (`HEAD`, a
    /// tag) or `A..B`. Commits come newest first by commit date, and git's default history
    /// simplification applies: a merge whose file equals one parent's follows that parent
    /// alone and is not listed, so a branch's changes are listed once, at the commits that
    /// made them.
    pub fn history(&self, path: &str, range: &str) -> Result<History, GitError> {
        let path = self.root_path(path);
        let (start, interesting) = self.walk_bounds(range)?;
        let mut walk = Walk {
            repo: &self.repo,
            path: Path::new(&path),
            entries: HashMap::new(),
            interesting,
        };
        let visited = walk.run(start)?;
        let shallow = self.repo.is_shallow();
        let mut index: HashMap<Oid, usize> = HashMap::new();
        for (k, id) in visited.listed.iter().enumerate() {
            index.insert(*id, k);
        }
        let mut rewritten = Rewritten::default();
        let mut changes = Vec::with_capacity(visited.listed.len());
        for id in &visited.listed {
            let commit = self
                .repo
                .find_commit(*id)
                .map_err(|e| other(&id.to_string(), &e))?;
            let after = self.blob_id(CommitId(*id), &path)?;
            let (before, truncated) = match commit.parent_ids().next() {
                Some(parent) => (self.blob_id(CommitId(parent), &path)?, false),
                None => (None, shallow),
            };
            let mut parents = Vec::new();
            for p in &visited.followed[id] {
                if let Some(k) = rewritten.listed_at(*p, &visited, &index)
                    && !parents.contains(&k)
                {
                    parents.push(k);
                }
            }
            changes.push(Change {
                commit: CommitId(*id),
                before,
                after,
                truncated,
                merge: commit.parent_count() > 1,
                parents,
            });
        }
        let tip = rewritten.listed_at(start, &visited, &index);
        Ok(History { changes, tip })
    }

    /// Where a walk starts, and the commits it may enter: all (`None`) for a revision, those
    /// of the range for `A..B`.
    fn walk_bounds(&self, range: &str) -> Result<(Oid, Option<HashSet<Oid>>), GitError> {
        if !range.contains("..") {
            return Ok((self.resolve(range)?.0, None));
        }
        let unknown = || GitError::UnknownRevision {
            spec: range.to_string(),
            rev: range.to_string(),
        };
        let walk_error = |e: git2::Error| other("revwalk", &e);
        let mut walk = self.repo.revwalk().map_err(walk_error)?;
        walk.push_range(range).map_err(|_| unknown())?;
        let start = self
            .repo
            .revparse(range)
            .ok()
            .and_then(|spec| spec.to().and_then(|o| o.peel_to_commit().ok()))
            .ok_or_else(unknown)?
            .id();
        let inside = walk
            .collect::<Result<HashSet<Oid>, _>>()
            .map_err(walk_error)?;
        Ok((start, Some(inside)))
    }
}

/// A walk of history for one path: git's `log -- PATH` with its default simplification.
struct Walk<'r> {
    repo: &'r Repository,
    path: &'r Path,
    /// The tree entry at the path in each commit seen: equal ids are equal files, so no
    /// file is read to tell whether a commit changed it.
    entries: HashMap<Oid, Option<Oid>>,
    /// The commits of a range, `None` for everything reachable.
    interesting: Option<HashSet<Oid>>,
}

/// What a walk saw: the commits listed, in order, and the parents followed from every
/// commit walked.
struct Visited {
    listed: Vec<Oid>,
    followed: HashMap<Oid, Vec<Oid>>,
    shown: HashSet<Oid>,
}

impl Walk<'_> {
    fn entry(&mut self, id: Oid) -> Result<Option<Oid>, GitError> {
        if let Some(entry) = self.entries.get(&id) {
            return Ok(*entry);
        }
        let tree = self
            .repo
            .find_commit(id)
            .and_then(|c| c.tree())
            .map_err(|e| other(&id.to_string(), &e))?;
        let entry = match tree.get_path(self.path) {
            Ok(entry) => Some(entry.id()),
            Err(e) if e.code() == ErrorCode::NotFound => None,
            Err(e) => return Err(other(&self.path.display().to_string(), &e)),
        };
        self.entries.insert(id, entry);
        Ok(entry)
    }

    fn inside(&self, id: Oid) -> bool {
        self.interesting
            .as_ref()
            .is_none_or(|set| set.contains(&id))
    }

    /// Commits in commit-date order, newest first, ties in the order they were reached, as
    /// git pops them; each commit's parents simplified before they are queued.
    fn run(&mut self, start: Oid) -> Result<Visited, GitError> {
        let mut visited = Visited {
            listed: Vec::new(),
            followed: HashMap::new(),
            shown: HashSet::new(),
        };
        let mut queue = BinaryHeap::new();
        let mut seen = HashSet::from([start]);
        let mut reached = 0u64;
        queue.push((self.time(start)?, Reverse(reached), start));
        while let Some((_, _, id)) = queue.pop() {
            let (followed, shown) = self.simplify(id)?;
            if shown {
                visited.listed.push(id);
                visited.shown.insert(id);
            }
            for &p in &followed {
                if self.inside(p) && seen.insert(p) {
                    reached += 1;
                    queue.push((self.time(p)?, Reverse(reached), p));
                }
            }
            visited.followed.insert(id, followed);
        }
        Ok(visited)
    }

    fn time(&self, id: Oid) -> Result<i64, GitError> {
        let commit = self
            .repo
            .find_commit(id)
            .map_err(|e| other(&id.to_string(), &e))?;
        Ok(commit.time().seconds())
    }

    /// The parents a commit is followed to, and whether it is listed. A commit whose file
    /// equals a parent's in the range (TREESAME) follows that parent alone, the first such,
    /// and is not listed; any other commit is listed and follows all its parents. A parent
    /// outside the range is compared with but never followed to, as git does.
    fn simplify(&mut self, id: Oid) -> Result<(Vec<Oid>, bool), GitError> {
        let commit = self
            .repo
            .find_commit(id)
            .map_err(|e| other(&id.to_string(), &e))?;
        let parents: Vec<Oid> = commit.parent_ids().collect();
        let mine = self.entry(id)?;
        if parents.is_empty() {
            return Ok((parents, mine.is_some()));
        }
        let (mut relevant, mut relevant_change, mut other_change) = (0, false, false);
        for &p in &parents {
            let same = self.entry(p)? == mine;
            let inside = self.inside(p);
            match (same, inside) {
                (true, true) => return Ok((vec![p], false)),
                (true, false) => {}
                (false, true) => relevant_change = true,
                (false, false) => other_change = true,
            }
            relevant += usize::from(inside);
        }
        let listed = if relevant > 0 {
            relevant_change
        } else {
            other_change
        };
        Ok((parents, listed))
    }
}

/// The listed commit each walked commit's file comes from, found once per commit: an
/// unlisted commit follows one parent, so these are chains.
#[derive(Default)]
struct Rewritten {
    known: HashMap<Oid, Option<usize>>,
}

impl Rewritten {
    fn listed_at(
        &mut self,
        from: Oid,
        visited: &Visited,
        index: &HashMap<Oid, usize>,
    ) -> Option<usize> {
        let mut chain = Vec::new();
        let mut at = Some(from);
        let found = loop {
            let Some(id) = at else { break None };
            if visited.shown.contains(&id) {
                break index.get(&id).copied();
            }
            if let Some(known) = self.known.get(&id) {
                break *known;
            }
            chain.push(id);
            at = visited.followed.get(&id).and_then(|f| f.first().copied());
        };
        for id in chain {
            self.known.insert(id, found);
        }
        found
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

/// The history of a path: the commits that changed it, as `git log -- PATH` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The commits, newest first.
    pub changes: Vec<Change>,
    /// The change the walked revision's file is that of, when any commit made it.
    pub tip: Option<usize>,
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
    /// The commit is a merge whose file differs from every parent's; `before` is its first
    /// parent's.
    pub merge: bool,
    /// The listed changes this one's file was made from, by index, first parent's first:
    /// the nearest listed commit down each parent followed.
    pub parents: Vec<usize>,
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
