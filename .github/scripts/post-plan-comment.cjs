// Posts the offline plan as the one pull-request comment that
// plan-comment.yml keeps up to date.
//
// Everything in the artifact was written by a run of untrusted code: the pull
// request number is validated and must belong to the commit that was planned,
// and the Markdown is only ever posted as the comment's text.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

// Finds our comment again on the next push; a hidden HTML comment renders as nothing.
const MARKER = "<!-- fargate-service:offline-plan -->";
const COMMENT_AUTHOR = "github-actions[bot]";
// GitHub rejects comment bodies longer than this.
const MAX_COMMENT_CHARS = 65536;
const TRUNCATION_NOTICE =
    '\n\n_Truncated to fit one comment: the full plan is in the log of the "Offline plan" job._\n';

function readPullRequestNumber(planDir) {
    const text = fs.readFileSync(path.join(planDir, "pr-number"), "utf8").trim();
    if (!/^[1-9][0-9]{0,9}$/.test(text)) {
        throw new Error(`pr-number: "${text.slice(0, 40)}" is not a pull request number (a positive integer).`);
    }
    return Number(text);
}

// What closes a cut: a fence and up to this many <details> blocks left open.
const CLOSING_ROOM = 200;

function composeBody(planMarkdown) {
    const room = MAX_COMMENT_CHARS - MARKER.length - 1;
    return `${MARKER}\n${planMarkdown.length <= room ? planMarkdown : cut(planMarkdown, room)}`;
}

/**
 * The text cut at a line break to fit `room`, with what the cut left open closed again: an open ~~~~ fence would
 * swallow the notice, an open <details> would fold it away.
 */
function cut(text, room) {
    const kept = text.slice(0, room - TRUNCATION_NOTICE.length - CLOSING_ROOM);
    const lines = kept.slice(0, Math.max(0, kept.lastIndexOf("\n"))).split("\n");
    const fenceOpen = lines.filter((line) => line.startsWith("~~~~")).length % 2 === 1;
    const openDetails = lines.filter((line) => line.startsWith("<details>")).length;
    const closedDetails = lines.filter((line) => line.startsWith("</details>")).length;
    const closing = [
        ...(fenceOpen ? ["~~~~"] : []),
        ...Array(Math.max(0, openDetails - closedDetails)).fill("</details>"),
    ];
    return [...lines, ...closing].join("\n") + TRUNCATION_NOTICE;
}

function isOurComment(comment) {
    return comment.user?.login === COMMENT_AUTHOR && (comment.body ?? "").startsWith(MARKER);
}

/**
 * @returns {Promise<"created" | "updated" | "skipped">} what happened to the comment
 */
async function postPlanComment({ github, repo, planDir, headSha, log }) {
    const number = readPullRequestNumber(planDir);
    const { data: pull } = await github.rest.pulls.get({ ...repo, pull_number: number });
    // Also what keeps a late, older run from overwriting a newer plan.
    if (pull.head.sha !== headSha) {
        log.info(`Pull request #${number} is at ${pull.head.sha}, this plan is for ${headSha}: not posted.`);
        return "skipped";
    }

    const body = composeBody(fs.readFileSync(path.join(planDir, "comment.md"), "utf8"));
    const comments = await github.paginate(github.rest.issues.listComments, {
        ...repo,
        issue_number: number,
        per_page: 100,
    });
    const previous = comments.find(isOurComment);
    if (previous) {
        await github.rest.issues.updateComment({ ...repo, comment_id: previous.id, body });
        log.info(`Updated the offline plan comment on pull request #${number}.`);
        return "updated";
    }
    await github.rest.issues.createComment({ ...repo, issue_number: number, body });
    log.info(`Posted the offline plan comment on pull request #${number}.`);
    return "created";
}

module.exports = { postPlanComment, MARKER, MAX_COMMENT_CHARS };
