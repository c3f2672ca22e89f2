#!/usr/bin/env python3
"""The accord GitHub Action's step: for the files matching the `paths` globs that changed
between the pull request's base and head, run `accord diff BASE:PATH HEAD:PATH --format
markdown`, write the reports to the job summary and to one pull-request comment (updated in
place on every push), and exit as configured.

Environment (as the runner and action.yml set it):
  BASE_SHA, HEAD_SHA      the commits to compare (default: the pull request's, from the event)
  INPUT_PATHS             globs, space-separated (git pathspec glob syntax; default **/*.txt **/*.md)
  INPUT_FAIL_ON           `never` (the default), `any`, or kinds for --fail-on (added,removed,…)
  INPUT_ALLOW             an allow list for --allow (12-15,4.2,Art 93); a change outside fails
  INPUT_COMMENT           `true` (default) to post or update the pull-request comment
  ACCORD                  the accord binary (default: accord on PATH)
  GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_TOKEN
Exit status: 0, or 1 when a report fails as configured, or 2 on trouble. Talks to nothing but
the GitHub API (through curl), and only to comment.
"""

import json
import os
import subprocess
import sys

MARKER = "<!-- accord-report -->"


def event():
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path or not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def git(*args):
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def changed_files(base, head, globs):
    pathspecs = [f":(glob){g}" for g in globs]
    out = git("diff", "--name-status", "--no-renames", base, head, "--", *pathspecs)
    files = []
    for line in out.splitlines():
        status, _, path = line.partition("\t")
        files.append((status[:1], path))
    return files


def report(accord, base, head, status, path, fail_on, allow):
    """One file's Markdown report and whether it fails the run."""
    if status == "A":
        return f"### accord: {path}\n\nAdded in this pull request.\n", False
    if status == "D":
        return f"### accord: {path}\n\nRemoved in this pull request.\n", False
    args = [accord, "diff", f"{base}:{path}", f"{head}:{path}", "--format", "markdown"]
    if allow:
        args += ["--allow", allow]
    elif fail_on not in ("never", "any", ""):
        args += ["--fail-on", fail_on]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode == 2:
        message = run.stderr.strip() or "accord failed"
        return f"### accord: {path}\n\n```\n{message}\n```\n", True
    differs = run.returncode == 1
    fails = differs and (bool(allow) or fail_on != "never")
    return run.stdout, fails


def curl(method, url, token, body=None):
    args = ["curl", "-sS", "-f", "-X", method, url,
            "-H", f"Authorization: Bearer {token}",
            "-H", "Accept: application/vnd.github+json"]
    if body is not None:
        args += ["--data-binary", "@-"]
    run = subprocess.run(args, input=json.dumps(body) if body is not None else None,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{method} {url}: {run.stderr.strip()}")
    return json.loads(run.stdout or "null")


def comment(text, number):
    """Post the report as one comment, or update the one posted before."""
    token = os.environ.get("GITHUB_TOKEN")
    repo = os.environ.get("GITHUB_REPOSITORY")
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    if not (token and repo and number):
        print("accord: no pull request or token: the report is in the job summary only")
        return
    body = {"body": f"{MARKER}\n{text}"}
    comments = curl("GET", f"{api}/repos/{repo}/issues/{number}/comments?per_page=100", token)
    ours = [c for c in comments or [] if MARKER in c.get("body", "")]
    if ours:
        curl("PATCH", f"{api}/repos/{repo}/issues/comments/{ours[0]['id']}", token, body)
    else:
        curl("POST", f"{api}/repos/{repo}/issues/{number}/comments", token, body)


def main():
    ev = event()
    pr = ev.get("pull_request") or {}
    base = os.environ.get("BASE_SHA") or (pr.get("base") or {}).get("sha")
    head = os.environ.get("HEAD_SHA") or (pr.get("head") or {}).get("sha") or "HEAD"
    if not base:
        print("accord: no base commit (set BASE_SHA, or run on pull_request)", file=sys.stderr)
        return 2
    globs = os.environ.get("INPUT_PATHS", "").split() or ["**/*.txt", "**/*.md"]
    fail_on = os.environ.get("INPUT_FAIL_ON", "never").strip() or "never"
    allow = os.environ.get("INPUT_ALLOW", "").strip()
    accord = os.environ.get("ACCORD", "accord")
    try:
        files = changed_files(base, head, globs)
    except subprocess.CalledProcessError as e:
        print(f"accord: git diff {base} {head}: {e.stderr.strip()}", file=sys.stderr)
        return 2
    if not files:
        text = f"### accord\n\nNo file matching {' '.join(globs)} changed.\n"
        failed = False
    else:
        parts = [report(accord, base, head, s, p, fail_on, allow) for s, p in files]
        text = "\n".join(part for part, _ in parts)
        failed = any(fails for _, fails in parts)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)
    if os.environ.get("INPUT_COMMENT", "true") == "true":
        try:
            comment(text, pr.get("number") or ev.get("number"))
        except RuntimeError as e:
            print(f"accord: could not comment: {e}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
