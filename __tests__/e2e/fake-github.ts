// A loopback HTTP server that answers as GitHub's REST API does for the routes the action uses, with its
// state in memory (comments, refs, commits, trees, blobs, pull requests, check runs) and file contents read from a
// real git repository made by the test. Every request is checked against GitHub's OpenAPI description;
// an unknown route or a body GitHub would reject is recorded in `problems`, which a test asserts empty.
// Faults (an error status, a slow answer, no answer at all, a secondary rate limit) are injected per operation.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, load as loadOpenApi, matchRoute, type Route } from './openapi.js';

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** A GitHub App, as a comment's `performed_via_github_app` names it. */
export interface App {
  id: number;
  slug: string;
}

/** The app GITHUB_TOKEN belongs to (id and slug as in @octokit/webhooks-examples). */
export const ACTIONS_APP: App = { id: 15368, slug: 'github-actions' };

/** What a token may do: who it is, and whether it may write comments, contents and check runs. */
export interface Grant {
  user: User;
  pullRequests: 'read' | 'write';
  contents: 'read' | 'write';
  /** Left out: no `checks` permission (GitHub's default for GITHUB_TOKEN with a `permissions:` block). */
  checks?: 'read' | 'write';
  /** The app whose installation token this is: named on the comments it writes. Left out: none. */
  app?: App;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string } | null;
}

export interface Fault {
  /** An operationId from GitHub's description (`issues/create-comment`), or `*` for every request. */
  operation: string;
  /** Answer with this status instead of handling the request; omitted: handle it (after `delayMs`). */
  status?: number;
  message?: string;
  headers?: Record<string, string>;
  /** Requests it catches: 1 by default, Infinity for all. */
  times?: number;
  /** Answer this much later (the state is read when the request arrives). */
  delayMs?: number;
  /** With `status`: the request is carried out first and the error is the answer anyway (a lost answer). */
  applied?: boolean;
  /** Runs after the request is carried out, before it is answered: another client's write landing meanwhile. */
  meanwhile?: () => void;
  /** Never answer: the connection stays open, silent, until the client gives up or the server stops. */
  stall?: boolean;
  /** Send the body in pieces, slowly (after `delayMs`, if any): a large download, or one that stops. */
  trickle?: Trickle;
}

/**
 * The body in `pieces` parts of equal size (the last one shorter), the first with the headers and each next
 * one `gapMs` later. With `stallAfter`, only that many are sent and the connection then stays open, silent.
 */
export interface Trickle {
  pieces: number;
  gapMs: number;
  stallAfter?: number;
}

export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: User;
  /** The app it was written through; null for a person's token. */
  app: App | null;
  created_at: string;
  updated_at: string;
}

export interface Pull {
  number: number;
  state: 'open' | 'closed';
  headSha: string;
  headRef: string;
  /** Owner of the head repository: the fork's owner for a fork. */
  headOwner: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  operation: string | null;
  status: number;
  /** When it arrived: milliseconds on performance.now()'s clock. */
  at: number;
}

interface Entry {
  mode: string;
  type: string;
  sha: string;
}

export class FakeGitHub {
  url = '';
  readonly serverUrl = 'https://github.example';
  readonly log: LoggedRequest[] = [];
  readonly problems: string[] = [];
  readonly comments: Comment[] = [];
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, { tree: string; parents: string[]; message: string }>();
  readonly trees = new Map<string, Map<string, Entry>>();
  readonly blobs = new Map<string, Buffer>();
  readonly checkRuns: CheckRun[] = [];
  pulls: Pull[] = [];
  /** Every answer this much later: a real API's latency, for the bench. */
  latencyMs = 0;
  private readonly grants = new Map<string, Grant>();
  private faults: Array<Fault & { left: number }> = [];
  private nextId = 1000;
  private server: Server | undefined;

  /** `git` is the directory of a real repository whose commits the contents API serves. */
  constructor(
    readonly owner: string,
    readonly repo: string,
    private readonly git: string,
  ) {}

  grant(token: string, grant: Grant): this {
    this.grants.set(token, grant);
    return this;
  }

  fault(fault: Fault): this {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
    return this;
  }

  addComment(issue: number, body: string, user: User, app: App | null = null): Comment {
    const now = new Date().toISOString();
    const comment = { id: this.nextId++, issue, body, user, app, created_at: now, updated_at: now };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue: number): Comment[] {
    return this.comments.filter((comment) => comment.issue === issue);
  }

  /** Requests that changed state (everything but GET, answered 2xx), as `METHOD operationId`. */
  writes(): string[] {
    return this.log.filter((entry) => entry.method !== 'GET' && entry.status < 300).map((entry) => `${entry.method} ${entry.operation}`);
  }

  /** A branch holding one empty commit, as one left by an earlier run. */
  seedBranch(branch: string): this {
    const tree = gitHash('tree', Buffer.from('[]'));
    this.trees.set(tree, new Map());
    const commit = gitHash('commit', Buffer.from(JSON.stringify([tree, branch])));
    this.commits.set(commit, { tree, parents: [], message: 'seed' });
    this.refs.set(`refs/heads/${branch}`, commit);
    return this;
  }

  /** The file at `path` in the tip of `branch`, from the in-memory objects. */
  fileAt(branch: string, path: string): string | null {
    const tip = this.refs.get(`refs/heads/${branch}`);
    const entry = tip && this.trees.get(this.commits.get(tip)!.tree)!.get(path);
    return entry ? this.blobs.get(entry.sha)!.toString('utf8') : null;
  }

  async start(): Promise<this> {
    loadOpenApi();
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.problems.push(`fake server error: ${String((error as Error).stack ?? error)}`);
        send(response, 500, { message: 'fake server error' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const at = performance.now();
    const raw = await readBody(request);
    const entry: LoggedRequest = { method, path: url.pathname, operation: null, status: 0, at };
    this.log.push(entry);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}, trickle?: Trickle) => {
      entry.status = status;
      send(response, status, body, headers, trickle);
    };

    const route = matchRoute(method, url.pathname);
    if (typeof route === 'string') {
      this.problems.push(route);
      return answer(404, { message: 'Not Found' });
    }
    entry.operation = route.operationId;
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        this.problems.push(`${method} ${url.pathname}: body is not JSON`);
        return answer(400, { message: 'Problems parsing JSON' });
      }
    }
    const problems = checkRequest(route, url.searchParams, body);
    if (problems.length > 0) {
      this.problems.push(...problems);
      return answer(422, { message: 'Invalid request', errors: problems });
    }

    const fault = this.faults.find((f) => f.left > 0 && (f.operation === '*' || f.operation === route.operationId));
    if (fault) fault.left--;
    if (fault?.stall) return; // entry.status stays 0: never answered
    const grant = this.grants.get(/^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const handled = () => (grant ? this.route(route, url, body, grant, request.headers.accept ?? '') : { status: 401, body: { message: 'Bad credentials' } });
    const refused = fault?.status !== undefined;
    if (refused && fault.applied) handled();
    const result = refused ? { status: fault.status!, body: { message: fault.message ?? `injected ${fault.status}` }, headers: fault.headers } : handled();
    fault?.meanwhile?.();
    // A slow answer: the state is read when the request arrives, the answer leaves later.
    const delay = (fault?.delayMs ?? 0) + this.latencyMs;
    if (delay) await sleep(delay);
    answer(result.status, result.body, result.headers, fault?.trickle);
  }

  private route(route: Route, url: URL, body: any, grant: Grant, accept: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const p = route.params;
    if ('owner' in p && (p.owner !== this.owner || p.repo !== this.repo)) return notFound();
    const forbidden = { status: 403, body: { message: 'Resource not accessible by integration' } };
    const mayWrite = (scope: 'pullRequests' | 'contents' | 'checks') => grant[scope] === 'write';

    switch (route.operationId) {
      case 'users/get-authenticated':
        return grant.user.type === 'Bot' ? forbidden : ok({ ...userJson(grant.user), name: null });

      case 'issues/list-comments': {
        const all = this.commentsOn(Number(p.issue_number)).map((c) => this.commentJson(c));
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (n: number, rel: string) => {
          const next = new URL(url);
          next.searchParams.set('page', String(n));
          next.searchParams.set('per_page', String(perPage));
          return `<${next}>; rel="${rel}"`;
        };
        const links = [page < last ? link(page + 1, 'next') : null, page < last ? link(last, 'last') : null].filter(Boolean);
        return { status: 200, body: all.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
      }
      case 'issues/create-comment': {
        if (!mayWrite('pullRequests')) return forbidden;
        if (!this.pulls.some((pull) => pull.number === Number(p.issue_number))) return notFound();
        return { status: 201, body: this.commentJson(this.addComment(Number(p.issue_number), body.body, grant.user, grant.app ?? null)) };
      }
      case 'issues/get-comment': {
        const comment = this.comments.find((c) => c.id === Number(p.comment_id));
        return comment ? ok(this.commentJson(comment)) : notFound();
      }
      case 'issues/update-comment': {
        if (!mayWrite('pullRequests')) return forbidden;
        const comment = this.comments.find((c) => c.id === Number(p.comment_id));
        if (!comment) return notFound();
        if (comment.user.login !== grant.user.login) return forbidden;
        comment.body = body.body;
        comment.updated_at = new Date().toISOString();
        return ok(this.commentJson(comment));
      }
      case 'issues/delete-comment': {
        if (!mayWrite('pullRequests')) return forbidden;
        const index = this.comments.findIndex((c) => c.id === Number(p.comment_id));
        if (index < 0) return notFound();
        this.comments.splice(index, 1);
        return { status: 204, body: null };
      }

      case 'git/get-ref': {
        const sha = this.refs.get(`refs/${p.ref}`);
        return sha ? ok({ ref: `refs/${p.ref}`, node_id: 'REF', url: '', object: { sha, type: 'commit', url: '' } }) : notFound();
      }
      case 'git/create-ref': {
        if (!mayWrite('contents')) return forbidden;
        if (!/^refs\/.+\/.+/.test(body.ref)) return unprocessable('Reference name must start with refs/ and have at least two slashes');
        if (this.refs.has(body.ref)) return unprocessable('Reference already exists');
        if (!this.commits.has(body.sha)) return unprocessable('Object does not exist');
        this.refs.set(body.ref, body.sha);
        return { status: 201, body: { ref: body.ref, node_id: 'REF', url: '', object: { sha: body.sha, type: 'commit', url: '' } } };
      }
      case 'git/update-ref': {
        if (!mayWrite('contents')) return forbidden;
        const name = `refs/${p.ref}`;
        const current = this.refs.get(name);
        if (!current) return unprocessable('Reference does not exist');
        if (!this.commits.has(body.sha)) return unprocessable('Object does not exist');
        if (!body.force && !this.descends(body.sha, current)) return unprocessable('Update is not a fast forward');
        this.refs.set(name, body.sha);
        return ok({ ref: name, node_id: 'REF', url: '', object: { sha: body.sha, type: 'commit', url: '' } });
      }
      case 'git/get-commit': {
        const commit = this.commits.get(p.commit_sha!);
        return commit ? ok(this.commitJson(p.commit_sha!)) : notFound();
      }
      case 'git/create-blob': {
        if (!mayWrite('contents')) return forbidden;
        const bytes = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8');
        const sha = gitHash('blob', bytes);
        this.blobs.set(sha, bytes);
        return { status: 201, body: { sha, url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${sha}` } };
      }
      case 'git/create-tree': {
        if (!mayWrite('contents')) return forbidden;
        const base = body.base_tree === undefined ? new Map<string, Entry>() : this.trees.get(body.base_tree);
        if (!base) return unprocessable('base_tree is not a valid tree oid');
        const entries = new Map(base);
        for (const item of body.tree as Array<{ path: string; mode: string; type: string; sha?: string | null; content?: string }>) {
          if (item.sha === null) {
            entries.delete(item.path);
            continue;
          }
          let sha = item.sha;
          if (item.content !== undefined) {
            sha = gitHash('blob', Buffer.from(item.content));
            this.blobs.set(sha, Buffer.from(item.content));
          }
          if (!sha || !this.blobs.has(sha)) return unprocessable(`tree.sha ${sha} is not a valid blob`);
          entries.set(item.path, { mode: item.mode, type: item.type, sha });
        }
        const sha = gitHash('tree', Buffer.from(JSON.stringify([...entries].sort())));
        this.trees.set(sha, entries);
        return { status: 201, body: { sha, url: '', truncated: false, tree: [...entries].map(([path, e]) => ({ path, ...e })) } };
      }
      case 'git/create-commit': {
        if (!mayWrite('contents')) return forbidden;
        if (!this.trees.has(body.tree)) return unprocessable('Tree SHA does not exist');
        const parents: string[] = body.parents ?? [];
        if (parents.some((parent) => !this.commits.has(parent))) return unprocessable('Parent SHA does not exist or is not a commit object');
        const sha = gitHash('commit', Buffer.from(JSON.stringify([body.tree, parents, body.message, this.nextId++])));
        this.commits.set(sha, { tree: body.tree, parents, message: body.message });
        return { status: 201, body: this.commitJson(sha) };
      }

      case 'repos/get-content':
        return this.content(p.path!, url.searchParams.get('ref'), accept);
      case 'repos/create-or-update-file-contents': {
        if (!mayWrite('contents')) return forbidden;
        // Only what the action sends is modelled: a new file on a named branch. GitHub refuses to overwrite
        // a file without its blob `sha` with 422 `Invalid request.\n\n"sha" wasn't supplied.` (as quoted in
        // octokit/octokit.net#1725); a branch that does not exist is answered 404 here.
        const tip = this.refs.get(`refs/heads/${body.branch}`);
        if (!body.branch || !tip) return { status: 404, body: { message: `Branch ${body.branch} not found` } };
        const entries = new Map(this.trees.get(this.commits.get(tip)!.tree)!);
        if (entries.has(p.path!) && body.sha === undefined) return unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
        const bytes = Buffer.from(body.content, 'base64');
        const blob = gitHash('blob', bytes);
        this.blobs.set(blob, bytes);
        entries.set(p.path!, { mode: '100644', type: 'blob', sha: blob });
        const tree = gitHash('tree', Buffer.from(JSON.stringify([...entries].sort())));
        this.trees.set(tree, entries);
        const commit = gitHash('commit', Buffer.from(JSON.stringify([tree, [tip], body.message, this.nextId++])));
        this.commits.set(commit, { tree, parents: [tip], message: body.message });
        this.refs.set(`refs/heads/${body.branch}`, commit);
        const name = p.path!.split('/').pop()!;
        return { status: 201, body: { content: { name, path: p.path, sha: blob, size: bytes.length, type: 'file' }, commit: this.commitJson(commit) } };
      }

      case 'checks/create': {
        if (!mayWrite('checks')) return forbidden;
        const run: CheckRun = { id: this.nextId++, name: body.name, head_sha: body.head_sha, status: body.status ?? 'queued', conclusion: body.conclusion ?? null, output: body.output ?? null };
        this.checkRuns.push(run);
        return { status: 201, body: this.checkRunJson(run) };
      }
      case 'checks/update': {
        if (!mayWrite('checks')) return forbidden;
        const run = this.checkRuns.find((r) => r.id === Number(p.check_run_id));
        if (!run) return notFound();
        Object.assign(run, { status: body.conclusion ? 'completed' : (body.status ?? run.status), conclusion: body.conclusion ?? run.conclusion, output: body.output ?? run.output });
        return ok(this.checkRunJson(run));
      }

      case 'pulls/list': {
        const [owner, branch] = (url.searchParams.get('head') ?? ':').split(':');
        const state = url.searchParams.get('state') ?? 'open';
        return ok(this.pulls.filter((pull) => (state === 'all' || pull.state === state) && (!branch || (pull.headOwner === owner && pull.headRef === branch))).map((pull) => this.pullJson(pull)));
      }
      case 'repos/list-pull-requests-associated-with-commit':
        return ok(this.pulls.filter((pull) => pull.headSha === p.commit_sha).map((pull) => this.pullJson(pull)));

      default:
        this.problems.push(`${route.method} ${route.template} (${route.operationId}): GitHub has it, this fake does not`);
        return { status: 501, body: { message: 'not in the fake' } };
    }
  }

  /** A file at a ref: in-memory commits (the assets branch) first, then the real repository. */
  private content(path: string, ref: string | null, accept: string) {
    let bytes: Buffer | null = null;
    let sha = '';
    const commit = ref && (this.commits.has(ref) ? ref : this.refs.get(`refs/heads/${ref}`));
    if (commit) {
      const entry = this.trees.get(this.commits.get(commit)!.tree)!.get(path);
      if (entry) [bytes, sha] = [this.blobs.get(entry.sha)!, entry.sha];
    } else {
      try {
        bytes = execFileSync('git', ['show', `${ref ?? 'HEAD'}:${path}`], { cwd: this.git, stdio: ['ignore', 'pipe', 'ignore'] });
        sha = gitHash('blob', bytes);
      } catch {
        bytes = null;
      }
    }
    if (bytes === null) return notFound();
    if (/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, body: bytes };
    const name = path.split('/').pop()!;
    return ok({
      type: 'file', encoding: 'base64', size: bytes.length, name, path, sha, content: bytes.toString('base64'),
      url: '', git_url: null, html_url: null, download_url: null, _links: { self: '', git: null, html: null },
    });
  }

  private descends(commit: string, ancestor: string): boolean {
    const seen = new Set<string>();
    const stack = [commit];
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      stack.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  private checkRunJson(run: CheckRun) {
    return {
      id: run.id, node_id: `CR_${run.id}`, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion,
      url: `${this.url}/repos/${this.owner}/${this.repo}/check-runs/${run.id}`, html_url: `${this.serverUrl}/${this.owner}/${this.repo}/runs/${run.id}`,
      output: { title: run.output?.title ?? null, summary: run.output?.summary ?? null, text: null, annotations_count: 0, annotations_url: '' },
    };
  }

  private commentJson(comment: Comment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${comment.id}`,
      html_url: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${comment.issue}`,
      body: comment.body,
      user: userJson(comment.user),
      performed_via_github_app: comment.app && { id: comment.app.id, slug: comment.app.slug, node_id: `A_${comment.app.id}`, name: comment.app.slug },
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  }

  private commitJson(sha: string) {
    const commit = this.commits.get(sha)!;
    const person = { name: 'github-actions[bot]', email: 'github-actions[bot]@users.noreply.github.com', date: new Date().toISOString() };
    return {
      sha, node_id: 'C', url: '', html_url: `${this.serverUrl}/${this.owner}/${this.repo}/commit/${sha}`,
      author: person, committer: person, message: commit.message,
      tree: { sha: commit.tree, url: '' }, parents: commit.parents.map((parent) => ({ sha: parent, url: '', html_url: '' })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }

  private pullJson(pull: Pull) {
    return {
      number: pull.number, state: pull.state, html_url: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${pull.number}`,
      head: { sha: pull.headSha, ref: pull.headRef, label: `${pull.headOwner}:${pull.headRef}`, repo: { full_name: `${pull.headOwner}/${this.repo}` } },
      base: { sha: '0'.repeat(40), ref: 'main', label: `${this.owner}:main`, repo: { full_name: `${this.owner}/${this.repo}` } },
    };
  }
}

function userJson(user: User) {
  return { login: user.login, id: user.id, node_id: `U_${user.id}`, type: user.type, site_admin: false };
}

function ok(body: unknown) {
  return { status: 200, body };
}

function notFound() {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

function unprocessable(message: string) {
  return { status: 422, body: { message, documentation_url: 'https://docs.github.com/rest' } };
}

/** The object id git gives `bytes` of `type`. */
export function gitHash(type: string, bytes: Buffer): string {
  return createHash('sha1').update(`${type} ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Answers JSON, or for a Buffer (a raw file) its bytes; all at once, or trickled. */
function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, trickle?: Trickle): void {
  if (status === 204) {
    response.writeHead(204, headers).end();
    return;
  }
  const raw = Buffer.isBuffer(body);
  const bytes = raw ? body : Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'content-type': raw ? 'application/vnd.github.raw' : 'application/json; charset=utf-8', 'content-length': bytes.length, ...headers });
  if (trickle) void dribble(response, bytes, trickle);
  else response.end(bytes);
}

async function dribble(response: ServerResponse, bytes: Buffer, { pieces, gapMs, stallAfter = pieces }: Trickle): Promise<void> {
  const size = Math.ceil(bytes.length / pieces);
  for (let piece = 0; piece < stallAfter; piece++) {
    if (piece > 0) await sleep(gapMs);
    if (response.destroyed) return; // the client gave up
    response.write(bytes.subarray(piece * size, (piece + 1) * size));
  }
  if (stallAfter === pieces) response.end();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
