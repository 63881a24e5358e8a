// Files on the assets branch: chart images for comments, and the history of reports. GitHub renders
// neither data: URIs nor inline SVG in a comment, so the SVG is committed to a branch of the repository
// itself and linked from the comment by commit. An image is stored at a path named by its content (see
// contentPath), so that every old comment keeps its own image and publishing the same chart again writes
// nothing; it is written with one contents call (`PUT /repos/{owner}/{repo}/contents/{path}`, one write
// where a tree, a commit and a ref move take three). The history goes through commitFiles: a tree with the
// new blobs, a commit, a ref (an orphan commit when the branch is new), for several files in one commit.
import { createHash } from 'node:crypto';
import { statusOf, type Octokit, type Repo } from './client.js';

export interface Asset {
  repo: Repo;
  /** The assets branch, e.g. `roofline-gate-assets`. */
  branch: string;
  /** Path in that branch: contentPath(repo, content). */
  path: string;
  content: string;
  message: string;
  /** `https://github.com`, or the GHES server. */
  serverUrl: string;
}

/** Attempts when another run moves the branch between our read and our write. */
const ATTEMPTS = 3;

/**
 * Where an image with this content goes in the assets branch: named by the SHA-256 of its bytes, so the
 * same chart is the same file, whichever pull request or rerun publishes it.
 *
 *   contentPath({ owner: 'o', repo: 'r' }, '') //=> 'o-r/charts/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.svg'
 */
export function contentPath(repo: Repo, content: string, extension = 'svg'): string {
  return `${repoFolder(repo)}/charts/${createHash('sha256').update(content).digest('hex')}.${extension}`;
}

/** The assets branch's folder for a repository: `octo-org-octo.repo`. */
export function repoFolder(repo: Repo): string {
  return `${repo.owner}-${repo.repo}`.replace(/[^\w.-]/g, '-');
}

/**
 * Puts the file on the branch and returns the URL that shows it, by commit (SPEC section 5), so the link
 * never moves: `https://github.com/OWNER/REPO/blob/COMMIT/PATH?raw=true`. The path is content-addressed, so
 * a file already at the branch's tip is the same image: two reads (the tip, the file) and no write.
 * Otherwise one contents write; when the branch does not exist yet, commitFiles creates it (once per repository).
 */
export async function publishAsset(octokit: Octokit, asset: Asset): Promise<string> {
  const holding = await commitHolding(octokit, asset);
  if (holding) return urlOf(asset, holding);
  try {
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      ...asset.repo,
      path: asset.path,
      message: asset.message,
      content: Buffer.from(asset.content).toString('base64'),
      branch: asset.branch,
    });
    if (data.commit.sha) return urlOf(asset, data.commit.sha);
  } catch (error) {
    // 422 `"sha" wasn't supplied`: another run wrote the file meanwhile, with the same content (it is its name).
    const raced = statusOf(error) === 422 && /\bsha\b/i.test(String((error as Error).message));
    const again = raced ? await commitHolding(octokit, asset) : null;
    if (again) return urlOf(asset, again);
    // Any other 404 or 422: no such branch yet. One commit creates it (and copes with a race to create it).
    if (!raced && statusOf(error) !== 404 && statusOf(error) !== 422) throw error;
  }
  const commit = await commitFiles(octokit, {
    repo: asset.repo,
    branch: asset.branch,
    message: asset.message,
    changes: async (tip) => (tip && (await hasFileAt(octokit, asset, tip)) ? null : [{ path: asset.path, content: asset.content }]),
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

/** The branch's tip when it holds the file; null when either is missing. */
async function commitHolding(octokit: Octokit, asset: Asset): Promise<string | null> {
  let tip: string;
  try {
    tip = (await octokit.rest.git.getRef({ ...asset.repo, ref: `heads/${asset.branch}` })).data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  return (await hasFileAt(octokit, asset, tip)) ? tip : null;
}

/** Whether `path` is in `commit`. */
async function hasFileAt(octokit: Octokit, asset: Asset, commit: string): Promise<boolean> {
  try {
    await octokit.rest.repos.getContent({ ...asset.repo, path: asset.path, ref: commit });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}

function urlOf(asset: Asset, commit: string): string {
  const path = asset.path.split('/').map(encodeURIComponent).join('/');
  return `${asset.serverUrl}/${asset.repo.owner}/${asset.repo.repo}/blob/${commit}/${path}?raw=true`;
}
