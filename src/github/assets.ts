// Files on the assets branch: chart images for comments, and the history of reports. GitHub renders
// neither data: URIs nor inline SVG in a comment, so the SVG is committed to a branch of the repository
// itself through the Git Data API (a tree that creates the blobs, a commit, a ref; an orphan commit when
// the branch is new) and linked by commit SHA, so that every old comment keeps its own image.
import { createHash } from 'node:crypto';
import { statusOf, type Octokit, type Repo } from './client.js';

export interface Asset {
  repo: Repo;
  /** The assets branch, e.g. `roofline-gate-assets`. */
  branch: string;
  /** Path in that branch, e.g. `octo-org-octo-repo/pr-12/<sha>/roofline.svg`. */
  path: string;
  content: string;
  message: string;
  /** `https://github.com`, or the GHES server. */
  serverUrl: string;
}

/** Attempts when another run moves the branch between our read and our write. */
const ATTEMPTS = 3;

/**
 * Where a chart for `repo`, pull request `pr` (or a push: null) at `sha` goes in the assets branch.
 *
 *   assetPath({ owner: 'octo-org', repo: 'octo.repo' }, 12, 'abc') //=> 'octo-org-octo.repo/pr-12/abc/roofline.svg'
 */
export function assetPath(repo: Repo, pr: number | null, sha: string, name = 'roofline.svg'): string {
  return `${repoFolder(repo)}/${pr === null ? 'commit' : `pr-${pr}`}/${sha}/${name}`;
}

/** The assets branch's folder for a repository: `octo-org-octo.repo`. */
export function repoFolder(repo: Repo): string {
  return `${repo.owner}-${repo.repo}`.replace(/[^\w.-]/g, '-');
}

/**
 * Commits the file to the branch (unless the branch tip already has it) and returns the URL that shows it:
 * `https://github.com/OWNER/REPO/blob/COMMIT/PATH?raw=true`.
 */
export async function publishAsset(octokit: Octokit, asset: Asset): Promise<string> {
  const wanted = gitBlobSha(asset.content);
  const commit = await commitFiles(octokit, {
    repo: asset.repo,
    branch: asset.branch,
    message: asset.message,
    // A re-run publishes the same chart again: link the commit that already has it.
    changes: async (tip) => (tip && (await fileSha(octokit, asset, tip)) === wanted ? null : [{ path: asset.path, content: asset.content }]),
  });
  return urlOf(asset, commit);
}

/** A file written (`content`) or deleted (null) by a commit. */
export interface FileChange {
  path: string;
  content: string | null;
}

export interface BranchCommit {
  repo: Repo;
  branch: string;
  message: string;
  /**
   * The changes to make on top of `tip` (the branch's commit; null when the branch is new), or null when
   * there is nothing to commit. Asked again when another run moved the branch meanwhile.
   */
  changes(tip: string | null): Promise<FileChange[] | null>;
}

/**
 * One commit on top of the branch (an orphan commit when the branch is new), moved there as a fast-forward
 * (never forced); its SHA, or the tip's when there was nothing to commit.
 */
export async function commitFiles(octokit: Octokit, commit: BranchCommit): Promise<string> {
  const { owner, repo } = commit.repo;
  for (let attempt = 1; ; attempt++) {
    const tip = await branchTip(octokit, commit);
    const changes = await commit.changes(tip?.commit ?? null);
    if (changes === null) {
      if (!tip) throw new Error(`nothing to commit on the new branch ${commit.branch}`);
      return tip.commit;
    }
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      ...(tip ? { base_tree: tip.tree } : {}),
      // Blobs are created with the tree: one write fewer each.
      tree: changes.map((change) =>
        change.content === null
          ? { path: change.path, mode: '100644' as const, type: 'blob' as const, sha: null }
          : { path: change.path, mode: '100644' as const, type: 'blob' as const, content: change.content },
      ),
    });
    const { data: made } = await octokit.rest.git.createCommit({ owner, repo, message: commit.message, tree: tree.sha, parents: tip ? [tip.commit] : [] });
    try {
      if (tip) await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${commit.branch}`, sha: made.sha, force: false });
      else await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${commit.branch}`, sha: made.sha });
      return made.sha;
    } catch (error) {
      // 422: not a fast-forward, or the branch was created meanwhile by another run. Build on the new tip.
      if (statusOf(error) !== 422 || attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * The SHA git gives a blob with this content, to tell whether the branch already holds the file.
 *
 *   gitBlobSha('') //=> 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
 */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

async function branchTip(octokit: Octokit, where: { repo: Repo; branch: string }): Promise<{ commit: string; tree: string } | null> {
  const { owner, repo } = where.repo;
  try {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${where.branch}` });
    const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
    return { commit: commit.sha, tree: commit.tree.sha };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** The blob SHA of the file at `path` in `commit`, or null when it is not there. */
async function fileSha(octokit: Octokit, asset: Asset, commit: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...asset.repo, path: asset.path, ref: commit });
    return Array.isArray(data) ? null : data.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

function urlOf(asset: Asset, commit: string): string {
  const path = asset.path.split('/').map(encodeURIComponent).join('/');
  return `${asset.serverUrl}/${asset.repo.owner}/${asset.repo.repo}/blob/${commit}/${path}?raw=true`;
}
