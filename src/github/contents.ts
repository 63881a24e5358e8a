// A file as it is at a commit, through `GET /repos/{owner}/{repo}/contents/{path}` with the raw media type
// (no size limit of the JSON form, no base64), which needs no history in the checkout.
import { statusOf, type Octokit, type Repo } from './client.js';

/**
 * The bytes of `path` (relative to the repository root, forward slashes) at `sha`; null when the file is not
 * there (404). Any other failure is thrown, for the caller to decide what to do.
 */
export async function readFileAt(octokit: Octokit, repo: Repo, sha: string, path: string): Promise<Buffer | null> {
  try {
    const response = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ref: sha,
      mediaType: { format: 'raw' },
      request: { parseSuccessResponseBody: false },
    });
    return Buffer.from(await new Response(response.data as unknown as ReadableStream).arrayBuffer());
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
