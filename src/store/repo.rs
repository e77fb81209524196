//! The git repository holding a schedule directory (git2).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use git2::{ErrorCode, ObjectType, RepositoryState};

use crate::load::SourceFile;

/// Why a git operation was refused or failed. Messages are for people: they
/// say what is wrong and what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not inside a git repository")]
    NotARepo { path: PathBuf },
    #[error("the repository is in the middle of a {state}; finish or abort it first")]
    Busy { state: String },
    #[error("HEAD is detached; check out a branch first (git switch <branch>)")]
    Detached,
    #[error("no author identity: set git config user.name and user.email, or pass --author \"Name <email>\", or set ONCALL_AUTHOR")]
    NoIdentity,
    #[error("invalid author `{0}`: expected \"Name <email>\"")]
    BadAuthor(String),
    #[error("uncommitted changes in {}; commit or stash them first", .paths.join(", "))]
    Dirty { paths: Vec<String> },
    #[error("unknown revision `{0}`")]
    UnknownRev(String),
    #[error("the change conflicts with later commits in {}", .paths.join(", "))]
    Conflict { paths: Vec<String> },
    #[error("git: {0}")]
    Git(#[from] git2::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A whole-file change, path relative to the schedule directory (`/`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    Write { path: String, content: Vec<u8> },
    Delete { path: String },
}

impl FileChange {
    pub fn path(&self) -> &str {
        match self {
            FileChange::Write { path, .. } | FileChange::Delete { path } => path,
        }
    }
}

/// A commit, as `history` and `undo` need it.
#[derive(Debug, Clone)]
pub struct CommitInfo {
    pub id: git2::Oid,
    /// Abbreviated id (at least 7 hex digits, unique in the repository).
    pub short: String,
    pub summary: String,
    /// The whole message.
    pub message: String,
    pub author_name: String,
    pub author_email: String,
    pub time: DateTime<Utc>,
    /// Trailers of the message (`Oncall-Action: swap`), in order.
    pub trailers: Vec<(String, String)>,
    /// First parent, if any.
    pub parent: Option<git2::Oid>,
}

impl CommitInfo {
    /// The value of the first trailer named `key` (case-insensitive).
    pub fn trailer(&self, key: &str) -> Option<&str> {
        self.trailers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

/// The repository's oncall lock, held until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: std::fs::File,
}

/// A git repository and the schedule directory inside it.
pub struct Repo {
    repo: git2::Repository,
    /// The schedule directory relative to the work tree root, `/`-separated,
    /// without a trailing slash; empty when it is the root.
    prefix: String,
}

impl Repo {
    /// Opens the repository that contains `schedule_dir` (searching upwards).
    pub fn open(schedule_dir: &Path) -> Result<Repo, StoreError> {
        let repo = match git2::Repository::discover(schedule_dir) {
            Ok(repo) => repo,
            Err(e) if e.code() == ErrorCode::NotFound => {
                return Err(StoreError::NotARepo {
                    path: schedule_dir.to_path_buf(),
                })
            }
            Err(e) => return Err(e.into()),
        };
        let Some(workdir) = repo.workdir().filter(|_| !repo.is_bare()) else {
            return Err(StoreError::Git(git2::Error::from_str(&format!(
                "{} is in a bare repository (one without a working tree)",
                schedule_dir.display()
            ))));
        };
        let canon = |p: &Path| {
            p.canonicalize().map_err(|source| StoreError::Io {
                path: p.to_path_buf(),
                source,
            })
        };
        let root = canon(workdir)?;
        let dir = canon(schedule_dir)?;
        let rel = dir.strip_prefix(&root).map_err(|_| {
            git2::Error::from_str(&format!(
                "{} is not inside the working tree of the repository at {}",
                schedule_dir.display(),
                root.display()
            ))
        })?;
        let mut parts = Vec::new();
        for c in rel.components() {
            let part = c.as_os_str().to_str().ok_or_else(|| {
                git2::Error::from_str(&format!(
                    "{}: the path is not valid UTF-8",
                    schedule_dir.display()
                ))
            })?;
            if part.eq_ignore_ascii_case(".git") {
                return Err(StoreError::NotARepo {
                    path: schedule_dir.to_path_buf(),
                });
            }
            parts.push(part);
        }
        Ok(Repo {
            repo,
            prefix: parts.join("/"),
        })
    }

    /// Creates a repository at `dir` (which may already exist and hold files)
    /// if there is none containing it, and returns it. Used by `oncall init`.
    pub fn init(dir: &Path) -> Result<Repo, StoreError> {
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        match git2::Repository::discover(dir) {
            Ok(_) => {}
            Err(e) if e.code() == ErrorCode::NotFound => {
                let mut opts = git2::RepositoryInitOptions::new();
                opts.initial_head("main");
                git2::Repository::init_opts(dir, &opts)?;
            }
            Err(e) => return Err(e.into()),
        }
        Repo::open(dir)
    }

    /// The schedule directory relative to the work tree root.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The work tree root.
    pub fn workdir(&self) -> &Path {
        self.repo.workdir().expect("not bare")
    }

    /// Checks that a commit can be made: no operation in progress, HEAD on a
    /// branch (an unborn branch is fine).
    pub fn check_ready(&self) -> Result<(), StoreError> {
        let state = match self.repo.state() {
            RepositoryState::Clean => None,
            RepositoryState::Merge => Some("merge"),
            RepositoryState::Revert | RepositoryState::RevertSequence => Some("revert"),
            RepositoryState::CherryPick | RepositoryState::CherryPickSequence => Some("cherry-pick"),
            RepositoryState::Bisect => Some("bisect"),
            RepositoryState::Rebase | RepositoryState::RebaseInteractive | RepositoryState::RebaseMerge => {
                Some("rebase")
            }
            RepositoryState::ApplyMailbox => Some("`git am` session"),
            RepositoryState::ApplyMailboxOrRebase => Some("rebase or `git am` session"),
        };
        if let Some(state) = state {
            return Err(StoreError::Busy {
                state: state.to_string(),
            });
        }
        self.head_branch().map(|_| ())
    }

    /// The author and committer: `author` (`"Name <email>"`, from --author or
    /// ONCALL_AUTHOR, passed in by the caller) or git config user.name and
    /// user.email; `now` is the commit time.
    pub fn signature(
        &self,
        author: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<git2::Signature<'static>, StoreError> {
        self.signature_at(author, now, 0)
    }

    /// [`Repo::signature`] with the committer's UTC offset in minutes, as
    /// git records it.
    pub fn signature_at(
        &self,
        author: Option<&str>,
        now: DateTime<Utc>,
        offset_minutes: i32,
    ) -> Result<git2::Signature<'static>, StoreError> {
        let time = git2::Time::new(now.timestamp(), offset_minutes);
        if let Some(author) = author {
            let bad = || StoreError::BadAuthor(author.to_string());
            let (name, email) = parse_author(author).ok_or_else(bad)?;
            return git2::Signature::new(name, email, &time).map_err(|_| bad());
        }
        let config = self.repo.config()?;
        let get = |key: &str| match config.get_string(key) {
            Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_string()),
            Ok(_) => Err(StoreError::NoIdentity),
            Err(e) if e.code() == ErrorCode::NotFound => Err(StoreError::NoIdentity),
            Err(e) => Err(StoreError::Git(e)),
        };
        let name = get("user.name")?;
        let email = get("user.email")?;
        Ok(git2::Signature::new(&name, &email, &time)?)
    }

    /// Takes the oncall lock of this repository (a file in the git dir),
    /// waiting while another process holds it.
    pub fn lock(&self) -> Result<Lock, StoreError> {
        let path = self.repo.path().join("oncall.lock");
        let io = |source| StoreError::Io {
            path: path.clone(),
            source,
        };
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        // `File::lock` is std since Rust 1.89 (an exclusive, blocking
        // flock/LockFileEx lock, released when the file is closed).
        file.lock().map_err(io)?;
        Ok(Lock { _file: file })
    }

    /// Those of `paths` (relative to the schedule directory) that have
    /// uncommitted changes: in the index or the working tree, compared with
    /// HEAD, including untracked files that a change would overwrite.
    pub fn dirty(&self, paths: &[&str]) -> Result<Vec<String>, StoreError> {
        let mut dirty = Vec::new();
        for &path in paths {
            let full = self.repo_path(path)?;
            match self.repo.status_file(Path::new(&full)) {
                Ok(status) => {
                    if !status.difference(git2::Status::IGNORED).is_empty() {
                        dirty.push(path.to_string());
                    }
                }
                // Neither in HEAD, nor in the index, nor on disk.
                Err(e) if e.code() == ErrorCode::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(dirty)
    }

    /// The files of the schedule directory as at revision `rev`.
    pub fn read_at(&self, rev: &str) -> Result<Vec<SourceFile>, StoreError> {
        let commit = self.repo.find_commit(self.resolve(rev)?)?;
        let Some(tree) = self.schedule_tree(&commit)? else {
            return Ok(Vec::new());
        };
        let mut files = Vec::new();
        self.collect_toml(&tree, "", &mut files)?;
        // The order of a directory walk sorted by file name (like `load::read_dir`):
        // component by component.
        files.sort_by(|a, b| a.rel.split('/').cmp(b.rel.split('/')));
        Ok(files)
    }

    /// Commits exactly `changes` with `message` (see the module docs),
    /// returning the new commit's id.
    pub fn commit_changes(
        &self,
        changes: &[FileChange],
        message: &str,
        signature: &git2::Signature<'_>,
    ) -> Result<git2::Oid, StoreError> {
        let mut seen = HashSet::new();
        let mut full_paths = Vec::with_capacity(changes.len());
        for change in changes {
            if !seen.insert(change.path()) {
                return Err(StoreError::Git(git2::Error::from_str(&format!(
                    "{} is changed twice in one commit",
                    change.path()
                ))));
            }
            full_paths.push(self.repo_path(change.path())?);
        }

        self.check_ready()?;
        let branch = self.head_branch()?;
        let paths: Vec<&str> = changes.iter().map(FileChange::path).collect();
        let dirty = self.dirty(&paths)?;
        if !dirty.is_empty() {
            return Err(StoreError::Dirty { paths: dirty });
        }
        let head = self.head_commit()?;

        // The working tree first: if this fails half-way, undo what was done.
        let mut applied = Vec::with_capacity(changes.len());
        for (change, full) in changes.iter().zip(&full_paths) {
            match self.apply_change(change, full) {
                Ok(undo) => applied.push(undo),
                Err(e) => {
                    self.restore(&applied);
                    return Err(e);
                }
            }
        }

        let committed = self.build_and_commit(changes, &full_paths, message, signature, head.as_ref());
        let id = match committed {
            Ok(id) => id,
            Err(e) => {
                self.restore(&applied);
                return Err(e);
            }
        };

        // The real index: these paths only, every other entry as it was.
        if let Err(e) = self.update_index(changes, &full_paths) {
            // Take the commit back so that history and files are as before.
            let rollback = match &head {
                Some(parent) => self
                    .repo
                    .reference_matching(&branch, parent.id(), true, id, "oncall: roll back")
                    .map(|_| ()),
                None => self.repo.find_reference(&branch).and_then(|mut r| r.delete()),
            };
            if rollback.is_ok() {
                self.restore(&applied);
            }
            return Err(e);
        }
        Ok(id)
    }

    /// The file changes that revert `commit` on top of HEAD (paths relative
    /// to the schedule directory), or `Conflict` when later commits changed
    /// the same lines.
    pub fn revert_changes(&self, commit: git2::Oid) -> Result<Vec<FileChange>, StoreError> {
        let commit = self.repo.find_commit(commit)?;
        if commit.parent_count() == 0 {
            return Err(StoreError::Git(git2::Error::from_str(
                "cannot undo the first commit",
            )));
        }
        let head = self
            .head_commit()?
            .ok_or_else(|| git2::Error::from_str("there are no commits yet"))?;
        // A merge is reverted relative to its first parent, the line `log` follows.
        let mainline = if commit.parent_count() > 1 { 1 } else { 0 };
        let index = self.repo.revert_commit(&commit, &head, mainline, None)?;

        if index.has_conflicts() {
            let mut paths = Vec::new();
            for conflict in index.conflicts()? {
                let conflict = conflict?;
                let entry = conflict
                    .our
                    .as_ref()
                    .or(conflict.their.as_ref())
                    .or(conflict.ancestor.as_ref());
                if let Some(entry) = entry {
                    let path = String::from_utf8_lossy(&entry.path);
                    if let Some(rel) = self.schedule_rel(&path) {
                        paths.push(rel.to_string());
                    }
                }
            }
            paths.sort();
            paths.dedup();
            // Conflicts outside the schedule directory do not matter: only
            // changes under it are returned.
            if !paths.is_empty() {
                return Err(StoreError::Conflict { paths });
            }
        }

        // What the revert would make of the schedule directory, against HEAD.
        let mut after = BTreeMap::new();
        for entry in index.iter() {
            let stage = (entry.flags >> 12) & 0x3;
            if stage != 0 || !is_regular_file(entry.mode) {
                continue;
            }
            let path = String::from_utf8_lossy(&entry.path);
            if let Some(rel) = self.schedule_rel(&path) {
                after.insert(rel.to_string(), entry.id);
            }
        }
        let mut before = BTreeMap::new();
        if let Some(tree) = self.schedule_tree(&head)? {
            tree.walk(git2::TreeWalkMode::PreOrder, |root, entry| {
                if entry.kind() == Some(ObjectType::Blob) && is_regular_file(entry.filemode() as u32) {
                    let name = String::from_utf8_lossy(entry.name_bytes());
                    before.insert(format!("{root}{name}"), entry.id());
                }
                git2::TreeWalkResult::Ok
            })?;
        }

        let mut changes = Vec::new();
        for (path, id) in &after {
            if before.get(path) != Some(id) {
                let blob = self.repo.find_blob(*id)?;
                changes.push(FileChange::Write {
                    path: path.clone(),
                    content: blob.content().to_vec(),
                });
            }
        }
        for path in before.keys() {
            if !after.contains_key(path) {
                changes.push(FileChange::Delete { path: path.clone() });
            }
        }
        changes.sort_by(|a, b| a.path().cmp(b.path()));
        Ok(changes)
    }

    /// Resolves a revision (`HEAD~2`, a branch, an abbreviated id) to a commit.
    pub fn resolve(&self, rev: &str) -> Result<git2::Oid, StoreError> {
        self.repo
            .revparse_single(rev)
            .and_then(|object| object.peel_to_commit())
            .map(|commit| commit.id())
            .map_err(|_| StoreError::UnknownRev(rev.to_string()))
    }

    /// Whether `commit` changed anything in the schedule directory, compared
    /// with its first parent (or, for a root commit, whether it has any).
    fn changes_schedule_dir(&self, commit: &git2::Commit) -> Result<bool, StoreError> {
        let before = match commit.parent_count() {
            0 => None,
            _ => self.schedule_entry_id(&commit.parent(0)?)?,
        };
        Ok(self.schedule_entry_id(commit)? != before)
    }

    /// Commits reachable from HEAD, newest first (first-parent order), at
    /// most `limit`; only those touching the schedule directory.
    pub fn log(&self, limit: usize) -> Result<Vec<CommitInfo>, StoreError> {
        let mut out = Vec::new();
        let mut next = self.head_commit()?;
        while let Some(commit) = next {
            if out.len() >= limit {
                break;
            }
            if self.changes_schedule_dir(&commit)? {
                out.push(self.commit_info(commit.id())?);
            }
            next = if commit.parent_count() > 0 {
                Some(commit.parent(0)?)
            } else {
                None
            };
        }
        Ok(out)
    }

    /// Every commit reachable from HEAD that changed the schedule directory,
    /// including those merged in from other branches, newest first (by
    /// commit time, parents after children), at most `limit`. Merge commits
    /// themselves are left out: the commits they bring are listed instead.
    pub fn log_all(&self, limit: usize) -> Result<Vec<CommitInfo>, StoreError> {
        let mut out = Vec::new();
        if self.head_commit()?.is_none() {
            return Ok(out);
        }
        let mut walk = self.repo.revwalk()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)?;
        walk.push_head()?;
        for id in walk {
            if out.len() >= limit {
                break;
            }
            let commit = self.repo.find_commit(id?)?;
            if commit.parent_count() > 1 {
                continue;
            }
            if self.changes_schedule_dir(&commit)? {
                out.push(self.commit_info(commit.id())?);
            }
        }
        Ok(out)
    }

    /// One commit.
    pub fn commit_info(&self, id: git2::Oid) -> Result<CommitInfo, StoreError> {
        let commit = self.repo.find_commit(id)?;
        let short = commit.as_object().short_id()?;
        let short = String::from_utf8_lossy(&short).into_owned();
        let message = String::from_utf8_lossy(commit.message_bytes()).into_owned();
        let summary = commit
            .summary_bytes()
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        let trailers = git2::message_trailers_strs(&message)?
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let author = commit.author();
        let time = DateTime::<Utc>::from_timestamp(commit.time().seconds(), 0).unwrap_or_default();
        Ok(CommitInfo {
            id,
            short,
            summary,
            message,
            author_name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            author_email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
            time,
            trailers,
            parent: commit.parent_id(0).ok(),
        })
    }

    // ---- helpers -------------------------------------------------------

    /// The branch HEAD points to (`refs/heads/...`), born or not.
    fn head_branch(&self) -> Result<String, StoreError> {
        let head = self.repo.find_reference("HEAD")?;
        match head.symbolic_target()? {
            Some(target) if target.starts_with("refs/heads/") => Ok(target.to_string()),
            _ => Err(StoreError::Detached),
        }
    }

    /// HEAD's commit, `None` on an unborn branch.
    fn head_commit(&self) -> Result<Option<git2::Commit<'_>>, StoreError> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_commit()?)),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The repository path of `rel` (relative to the schedule directory),
    /// refusing anything that is not a plain relative path inside it.
    fn repo_path(&self, rel: &str) -> Result<String, StoreError> {
        let bad = rel.is_empty()
            || rel.contains('\\')
            || rel.contains('\0')
            || rel
                .split('/')
                .any(|c| c.is_empty() || c == "." || c == ".." || c.eq_ignore_ascii_case(".git"));
        if bad {
            return Err(StoreError::Git(git2::Error::from_str(&format!(
                "`{rel}` is not a relative path inside the schedule directory"
            ))));
        }
        Ok(if self.prefix.is_empty() {
            rel.to_string()
        } else {
            format!("{}/{rel}", self.prefix)
        })
    }

    /// `path` (relative to the work tree root) relative to the schedule
    /// directory, if it is inside it.
    fn schedule_rel<'a>(&self, path: &'a str) -> Option<&'a str> {
        if self.prefix.is_empty() {
            return Some(path);
        }
        path.strip_prefix(self.prefix.as_str())?.strip_prefix('/')
    }

    /// The schedule directory on disk.
    fn schedule_dir(&self) -> PathBuf {
        if self.prefix.is_empty() {
            self.workdir().to_path_buf()
        } else {
            self.workdir().join(&self.prefix)
        }
    }

    /// The id of the schedule directory's tree in `commit`, if it has one.
    /// (An empty root tree counts as no schedule directory.)
    fn schedule_entry_id(&self, commit: &git2::Commit<'_>) -> Result<Option<git2::Oid>, StoreError> {
        if self.prefix.is_empty() {
            let tree = commit.tree()?;
            return Ok((!tree.is_empty()).then(|| tree.id()));
        }
        match commit.tree()?.get_path(Path::new(&self.prefix)) {
            Ok(entry) => Ok(Some(entry.id())),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The schedule directory's tree in `commit`, if it is there.
    fn schedule_tree<'r>(&'r self, commit: &git2::Commit<'r>) -> Result<Option<git2::Tree<'r>>, StoreError> {
        let tree = commit.tree()?;
        if self.prefix.is_empty() {
            return Ok(Some(tree));
        }
        match tree.get_path(Path::new(&self.prefix)) {
            Ok(entry) if entry.kind() == Some(ObjectType::Tree) => Ok(Some(self.repo.find_tree(entry.id())?)),
            Ok(_) => Ok(None),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Every `.toml` blob under `tree` (dot-folders included), paths
    /// relative to the schedule directory.
    fn collect_toml(
        &self,
        tree: &git2::Tree<'_>,
        base: &str,
        out: &mut Vec<SourceFile>,
    ) -> Result<(), StoreError> {
        for entry in tree.iter() {
            // Names that are not UTF-8 cannot be named by a `SourceFile`.
            let Ok(name) = std::str::from_utf8(entry.name_bytes()) else {
                continue;
            };
            let rel = if base.is_empty() {
                name.to_string()
            } else {
                format!("{base}/{name}")
            };
            match entry.kind() {
                Some(ObjectType::Tree) => {
                    let sub = self.repo.find_tree(entry.id())?;
                    self.collect_toml(&sub, &rel, out)?;
                }
                Some(ObjectType::Blob)
                    if is_regular_file(entry.filemode() as u32)
                        && Path::new(name).extension().is_some_and(|x| x == "toml") =>
                {
                    let blob = self.repo.find_blob(entry.id())?;
                    out.push(SourceFile {
                        rel,
                        bytes: blob.content().to_vec(),
                    });
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Applies one change to the working tree, returning how to undo it.
    fn apply_change(&self, change: &FileChange, full: &str) -> Result<Undo, StoreError> {
        let target = self.workdir().join(full);
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        let previous = match fs::read(&target) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(&target)(e)),
        };
        let mut undo = Undo {
            target: target.clone(),
            previous,
            created_dirs: Vec::new(),
        };
        match change {
            FileChange::Write { content, .. } => {
                let parent = target.parent().expect("a file has a parent");
                undo.created_dirs = create_dirs(parent).map_err(io(parent))?;
                if let Err(e) = write_atomic(&target, content) {
                    remove_dirs(&undo.created_dirs);
                    return Err(io(&target)(e));
                }
            }
            FileChange::Delete { .. } => {
                if undo.previous.is_some() {
                    fs::remove_file(&target).map_err(io(&target))?;
                    remove_empty_parents(&target, &self.schedule_dir());
                }
            }
        }
        Ok(undo)
    }

    /// Puts back the files of `applied` (best effort, newest first).
    fn restore(&self, applied: &[Undo]) {
        for undo in applied.iter().rev() {
            match &undo.previous {
                Some(bytes) => {
                    if let Some(parent) = undo.target.parent() {
                        let _ = fs::create_dir_all(parent);
                    }
                    let _ = write_atomic(&undo.target, bytes);
                }
                None => {
                    let _ = fs::remove_file(&undo.target);
                    remove_dirs(&undo.created_dirs);
                }
            }
        }
    }

    /// Builds HEAD's tree plus `changes` in memory and commits it on HEAD.
    fn build_and_commit(
        &self,
        changes: &[FileChange],
        full_paths: &[String],
        message: &str,
        signature: &git2::Signature<'_>,
        head: Option<&git2::Commit<'_>>,
    ) -> Result<git2::Oid, StoreError> {
        let mut index = git2::Index::new()?;
        if let Some(head) = head {
            index.read_tree(&head.tree()?)?;
        }
        for (change, full) in changes.iter().zip(full_paths) {
            match change {
                FileChange::Write { content, .. } => {
                    // A fresh index has no repository behind it, so the blob
                    // is written here and the entry added by id.
                    let id = self.repo.blob(content)?;
                    let entry = git2::IndexEntry {
                        ctime: git2::IndexTime::new(0, 0),
                        mtime: git2::IndexTime::new(0, 0),
                        dev: 0,
                        ino: 0,
                        mode: 0o100644,
                        uid: 0,
                        gid: 0,
                        file_size: u32::try_from(content.len()).unwrap_or(u32::MAX),
                        id,
                        flags: 0,
                        flags_extended: 0,
                        path: full.as_bytes().to_vec(),
                    };
                    index.add(&entry)?;
                }
                FileChange::Delete { .. } => index.remove_path(Path::new(full))?,
            }
        }
        let tree = self.repo.find_tree(index.write_tree_to(&self.repo)?)?;
        let parents: Vec<&git2::Commit<'_>> = head.into_iter().collect();
        Ok(self
            .repo
            .commit(Some("HEAD"), signature, signature, message, &tree, &parents)?)
    }

    /// Brings the index entries of the changed paths in line with the new
    /// commit (and the files just written); leaves every other entry alone.
    fn update_index(&self, changes: &[FileChange], full_paths: &[String]) -> Result<(), StoreError> {
        let mut index = self.repo.index()?;
        index.read(true)?;
        let result = (|| {
            for (change, full) in changes.iter().zip(full_paths) {
                match change {
                    FileChange::Write { .. } => index.add_path(Path::new(full))?,
                    FileChange::Delete { .. } => index.remove_path(Path::new(full))?,
                }
            }
            index.write()
        })();
        if result.is_err() {
            // Forget the unwritten edits of the repository's shared index.
            let _ = index.read(true);
        }
        Ok(result?)
    }
}

/// How to undo one working-tree change.
struct Undo {
    target: PathBuf,
    /// The file's bytes before, `None` when it did not exist.
    previous: Option<Vec<u8>>,
    /// Folders created for the file, outermost first.
    created_dirs: Vec<PathBuf>,
}

/// Splits "Name <email>"; both parts non-empty, no stray angle brackets.
fn parse_author(author: &str) -> Option<(&str, &str)> {
    let s = author.trim();
    let inner = s.strip_suffix('>')?;
    let (name, email) = inner.split_once('<')?;
    let (name, email) = (name.trim(), email.trim());
    let clean = |x: &str| !x.is_empty() && !x.contains(['<', '>', '\n', '\0']);
    (clean(name) && clean(email)).then_some((name, email))
}

/// Regular file modes (not links, not submodules).
fn is_regular_file(mode: u32) -> bool {
    mode == 0o100644 || mode == 0o100755
}

/// Creates `dir` and its missing ancestors, returning those created,
/// outermost first.
fn create_dirs(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.as_os_str().is_empty() || d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        cur = d.parent();
    }
    missing.reverse();
    let mut created = Vec::new();
    for d in missing {
        match fs::create_dir(&d) {
            Ok(()) => created.push(d),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && d.is_dir() => {}
            Err(e) => {
                remove_dirs(&created);
                return Err(e);
            }
        }
    }
    Ok(created)
}

/// Removes `dirs` (outermost first) innermost first, those that are empty.
fn remove_dirs(dirs: &[PathBuf]) {
    for d in dirs.iter().rev() {
        let _ = fs::remove_dir(d);
    }
}

/// Removes the folders above `file` that are empty, up to `stop` (kept).
fn remove_empty_parents(file: &Path, stop: &Path) {
    let mut cur = file.parent();
    while let Some(d) = cur {
        if d == stop || !d.starts_with(stop) || fs::remove_dir(d).is_err() {
            break;
        }
        cur = d.parent();
    }
}

/// Writes `bytes` to `target` through a temporary file in the same folder,
/// flushed to disk and renamed over it; an existing file's permissions are
/// kept.
fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().expect("a file has a parent");
    let name = target.file_name().expect("a file has a name").to_string_lossy();
    let tmp = dir.join(format!(".{name}.oncall-tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(target) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // Make the rename itself durable where folders can be synced.
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
#[path = "repo_tests.rs"]
mod tests;
