// cupql's page: the knockout bracket, group tables, goals by minute and club pages, all read from the public
// GraphQL API the way any front-end app would. Plain JS and SVG, nothing loaded from elsewhere.
// Routes live in the URL's fragment: #/ (the season), #/club/SLUG (a club); ?season=YEAR picks a season.
"use strict";

// The page's GraphQL documents (cupql/web/queries), by operation name. The server puts them in the page and knows
// them as persisted queries from start-up, so their hashes alone fetch them.
const DOCUMENTS = JSON.parse(document.getElementById("documents").textContent);

const SVG = "http://www.w3.org/2000/svg";

// Queries go as automatic persisted queries over GET: the query's SHA-256 alone, the text only if the server
// does not know it (a server older than this page). GETs can be answered from the browser's and the server's
// caches (ETag).
async function graphql(query, variables = {}) {
  const hash = await sha256(query);
  if (hash === null) return unwrap(await post(query, variables));
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({persistedQuery: {version: 1, sha256Hash: hash}}),
  });
  let body = await get(params);
  if (body.errors && body.errors.some((error) => (error.extensions || {}).code === "PERSISTED_QUERY_NOT_FOUND")) {
    params.set("query", query);
    body = await get(params);
  }
  return unwrap(body);
}

// crypto.subtle exists only on secure origins (https, localhost); elsewhere the page POSTs its queries.
async function sha256(text) {
  if (!window.crypto || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const ACCEPT = "application/graphql-response+json, application/json";

// A production server refuses GET operations without a non-simple header (its CSRF protection); same-origin
// requests send it without a preflight.
async function get(params) {
  return (await fetch(`/graphql?${params}`, {headers: {accept: ACCEPT, "graphql-require-preflight": "1"}})).json();
}

async function post(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {"content-type": "application/json", accept: ACCEPT},
    body: JSON.stringify({query, variables}),
  });
  return response.json();
}

function unwrap(body) {
  if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
  return body.data;
}

// Small DOM helpers: text always goes in as text, never as markup.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const roundNames = new Map();
const roundName = (round) => roundNames.get(round) || round;
const words = (value) => (value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ") : value);
const show = (value) => (value === null || value === undefined ? "" : String(value));
const clubLink = (club, year) => `#/club/${encodeURIComponent(club.slug)}${year ? `?season=${year}` : ""}`;

function route() {
  const [path, search] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(search || "");
  const year = params.get("season") ? Number(params.get("season")) : null;
  const club = path.match(/^\/club\/([^/]+)$/);
  return club ? {page: "club", slug: decodeURIComponent(club[1]), year} : {page: "season", year};
}

const seasonSelect = () => document.getElementById("season");

async function fillSeasons() {
  const select = seasonSelect();
  if (select.options.length) return;
  const {seasons} = await graphql(DOCUMENTS.Seasons);
  for (const season of seasons.nodes) select.append(el("option", {value: season.year}, season.name));
  select.addEventListener("change", () => {
    const current = route();
    const suffix = `?season=${select.value}`;
    location.hash = current.page === "club" ? `#/club/${encodeURIComponent(current.slug)}${suffix}` : `#/${suffix}`;
  });
}

function learnRounds(rounds) {
  roundNames.clear();
  rounds.forEach((r) => roundNames.set(r.round, r.name));
}

// ---- scores --------------------------------------------------------------------------------------------

// A match's score from one club's side, written the same on the bracket and on club pages: a walkover says so,
// extra time, an award and a shoot-out follow the score.
function scoreFrom(match, slug) {
  const home = match.home.slug === slug;
  const [own, other] = home ? [match.homeScore, match.awayScore] : [match.awayScore, match.homeScore];
  if (own === null || other === null) return match.walkover ? "walkover" : match.awarded ? "awarded" : "";
  const notes = [match.extraTime ? "a.e.t." : "", match.awarded ? "awarded" : ""].filter(Boolean);
  const score = [`${own}-${other}`, ...notes].join(" ");
  if (match.homePenalties === null) return score;
  const kicks = home ? [match.homePenalties, match.awayPenalties] : [match.awayPenalties, match.homePenalties];
  return `${score} · pens ${kicks.join("-")}`;
}

// ---- the knockout bracket ------------------------------------------------------------------------------

const BOX = {width: 205, height: 62, gapX: 44, gapY: 14, top: 34, left: 10};

// What settled a tie when its matches' scores do not show it (a shoot-out, a replay or an award they do).
const DECISIONS = {AWAY_GOALS: "away goals", ADVANCED: "went through"};

function decisionText(tie) {
  return DECISIONS[tie.decidedBy] ? ` · ${DECISIONS[tie.decidedBy]}` : "";
}

// A card lists its tie's home club first, so every match is written from that club's side, whichever club was at
// home in it: the legs then add up to the aggregates beside the names.
function legsText(tie) {
  const [first, ...later] = tie.legs.map((leg) => scoreFrom(leg, tie.home.slug));
  const twoLegged = tie.legs.some((leg) => leg.leg !== null);
  const played = !later.length ? first || ""
    : twoLegged ? `legs ${[first, ...later].join(", ")}` : `${first}, replay ${later.join(", ")}`;
  return played + decisionText(tie);
}

// Each match home club first, as a tooltip: "Leg 2: Elimai 2-1 Aktobe".
function legsTitle(tie) {
  return tie.legs.map((leg, index) => {
    const [home, away] = leg.home.slug === tie.home.slug ? [tie.home, tie.away] : [tie.away, tie.home];
    const label = leg.leg !== null ? `Leg ${leg.leg}` : index ? "Replay" : "Match";
    return `${label}: ${home.name} ${scoreFrom(leg, home.slug)} ${away.name}`;
  }).join("; ");
}

// The bracket is a tree from the final back: a tie's children are the earlier ties its two clubs won.
function layoutBracket(ties, roundOrder) {
  const column = new Map(roundOrder.map((round, index) => [round, index]));
  const feeder = (tie, club) => ties
    .filter((other) => column.get(other.round) < column.get(tie.round) && other.winner && other.winner.slug === club.slug)
    .sort((a, b) => column.get(b.round) - column.get(a.round))[0];
  const placed = new Map();
  let slot = 0;
  function place(tie) {
    if (placed.has(tie)) return placed.get(tie).y;
    const children = [feeder(tie, tie.home), feeder(tie, tie.away)].filter(Boolean);
    const ys = children.map(place);
    const y = ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : slot++;
    placed.set(tie, {x: column.get(tie.round), y, children});
    return y;
  }
  // Roots first from the latest round, then anything a root does not reach (an unfinished season).
  for (const round of [...roundOrder].reverse()) ties.filter((tie) => tie.round === round).forEach(place);
  return {placed, slots: Math.max(slot, 1)};
}

function drawBracket(season) {
  const knockout = season.rounds.map((r) => r.round).filter((round) => season.ties.some((tie) => tie.round === round));
  const {placed, slots} = layoutBracket(season.ties, knockout);
  const rowHeight = BOX.height + BOX.gapY;
  const width = BOX.left * 2 + knockout.length * (BOX.width + BOX.gapX) - BOX.gapX;
  const height = BOX.top + slots * rowHeight + 10;
  const canvas = svg("svg", {width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `Knockout bracket of the ${season.name}`});
  const xOf = (index) => BOX.left + index * (BOX.width + BOX.gapX);
  const yOf = (slotY) => BOX.top + slotY * rowHeight;
  knockout.forEach((round, index) => {
    canvas.append(svg("text", {x: xOf(index), y: 18, class: "round-title"}, roundName(round)));
  });
  for (const [tie, spot] of placed) {
    for (const child of spot.children) {
      const from = placed.get(child);
      const x1 = xOf(from.x) + BOX.width, y1 = yOf(from.y) + BOX.height / 2;
      const x2 = xOf(spot.x), y2 = yOf(spot.y) + BOX.height / 2, mid = (x1 + x2) / 2;
      canvas.append(svg("path", {class: "connector", d: `M${x1},${y1} H${mid} V${y2} H${x2}`}));
    }
  }
  for (const [tie, spot] of placed) {
    const x = xOf(spot.x), y = yOf(spot.y);
    // A walkover has no goals to add up: its aggregates would be a made-up 0-0.
    const scoreless = tie.legs.every((leg) => leg.homeScore === null);
    const group = svg("g", {
      class: "tie", "data-round": tie.round, "data-home": tie.home.name, "data-away": tie.away.name,
      "data-home-aggregate": tie.homeAggregate, "data-away-aggregate": tie.awayAggregate,
      "data-winner": tie.winner ? tie.winner.slug : "",
    });
    group.append(svg("rect", {x, y, width: BOX.width, height: BOX.height, rx: 4}));
    [[tie.home, tie.homeAggregate, 17], [tie.away, tie.awayAggregate, 35]].forEach(([club, goals, dy]) => {
      const won = tie.winner && tie.winner.slug === club.slug;
      const link = svg("a", {href: clubLink(club, season.year)},
        svg("text", {x: x + 8, y: y + dy, class: won ? "winner" : null}, club.name));
      group.append(link, svg("text", {x: x + BOX.width - 8, y: y + dy, "text-anchor": "end",
        class: won ? "winner score" : "score"}, scoreless ? "" : show(goals)));
    });
    group.append(svg("text", {x: x + 8, y: y + 53, class: "legs"}, svg("title", {}, legsTitle(tie)), legsText(tie)));
    canvas.append(group);
  }
  return el("div", {class: "bracket"}, canvas);
}

// ---- group tables --------------------------------------------------------------------------------------

function drawGroups(season) {
  const columns = ["#", "Club", "P", "W", "D", "L", "GF", "GA", "GD", "Pts"];
  return el("div", {class: "groups"}, ...season.groups.map((group) => {
    const table = el("table", {class: "standings", "data-group": group.name},
      el("caption", {}, `Group ${group.name}`),
      el("thead", {}, el("tr", {}, ...columns.map((name) => el("th", {scope: "col"}, name)))));
    const body = el("tbody");
    for (const row of group.standings) {
      const advanced = season.ties.some((tie) => tie.home.slug === row.club.slug || tie.away.slug === row.club.slug);
      body.append(el("tr", {class: advanced ? "advanced" : null, "data-club": row.club.name},
        el("td", {}, show(row.position)),
        el("td", {}, el("a", {href: clubLink(row.club, season.year)}, row.club.name)),
        ...["played", "won", "drawn", "lost", "goalsFor", "goalsAgainst", "goalDifference", "points"]
          .map((field) => el("td", {}, show(row[field])))));
    }
    table.append(body);
    return el("div", {class: "table-scroll"}, table);
  }));
}

// ---- goals by minute -----------------------------------------------------------------------------------

function drawChart(goals) {
  const buckets = goals.groupBy;
  const most = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const bar = 46, gap = 14, plot = 180, left = 10, top = 16;
  const width = left * 2 + buckets.length * (bar + gap);
  const canvas = svg("svg", {width, height: top + plot + 40, viewBox: `0 0 ${width} ${top + plot + 40}`, role: "img",
    "aria-label": `Goals by minute: ${goals.totalCount} goals`});
  buckets.forEach((bucket, index) => {
    const h = Math.round((bucket.count / most) * plot);
    const x = left + index * (bar + gap), y = top + plot - h;
    const label = bucket.key === null ? "unknown" : bucket.key;
    canvas.append(
      svg("rect", {x, y, width: bar, height: h, class: bucket.key === null ? "bar unknown" : "bar",
        "data-key": label, "data-count": bucket.count}, svg("title", {}, `${label}: ${bucket.count} goals`)),
      svg("text", {x: x + bar / 2, y: y - 4, "text-anchor": "middle"}, String(bucket.count)),
      svg("text", {x: x + bar / 2, y: top + plot + 16, "text-anchor": "middle"}, label));
  });
  canvas.append(svg("text", {x: left, y: top + plot + 34}, "minute of the goal ('unknown': the article lost it)"));
  return el("div", {class: "chart"}, canvas);
}

// ---- pages ---------------------------------------------------------------------------------------------

async function seasonPage(year) {
  const data = await graphql(DOCUMENTS.Overview, {year});
  const season = data.season;
  learnRounds(season.rounds);
  document.title = `${season.name} · cupql`;
  const champion = season.winner
    ? el("p", {class: "subtitle", id: "champion"}, "Winner: ",
      el("a", {href: clubLink(season.winner, season.year)}, season.winner.name),
      season.runnerUp ? ` · runner-up: ${season.runnerUp.name}` : "")
    : el("p", {class: "subtitle"}, "No winner yet.");
  return {year: season.year, content: [
    el("h1", {}, season.name), champion,
    el("h2", {}, "Knockout bracket"), drawBracket(season),
    season.groups.length ? el("h2", {}, "Group stage") : null,
    season.groups.length ? drawGroups(season) : null,
    el("h2", {}, `Goals by minute (${data.goals.totalCount} goals)`), drawChart(data.goals),
  ]};
}

function goalsOf(step, slug) {
  const goals = step.match.goals.filter((goal) => goal.club.slug === slug);
  return goals.map((goal) => {
    const minute = goal.minute === null ? "(minute unknown)" : `${goal.minute}${goal.stoppageTime ? `+${goal.stoppageTime}` : ""}'`;
    const notes = [goal.penalty ? "pen." : "", goal.ownGoal ? "o.g." : "",
      goal.attribution === "INFERRED" ? "scorer inferred" : ""].filter(Boolean).join(", ");
    return `${goal.scorer ? goal.scorer.name : "unknown"} ${minute}${notes ? ` (${notes})` : ""}`;
  }).join(", ");
}

async function clubPage(slug, wanted) {
  const data = await graphql(DOCUMENTS.ClubPage, {slug, year: wanted});
  // The club's own slug, not the URL's: the API also finds "Aktobe" or "AKTOBE".
  const club = data.club, run = club.cupRun, year = club.season.year, own = club.slug;
  learnRounds(club.season.rounds);
  document.title = `${club.name} · cupql`;
  const fact = (name, value) => el("div", {}, el("dt", {}, name), el("dd", {}, show(value) || "unknown"));
  const outcome = run.isWinner ? "Won the cup"
    : run.eliminatedIn ? `Out in the ${roundName(run.eliminatedIn)}${run.eliminatedBy ? ` to ${run.eliminatedBy.name}` : ""}`
      : run.furthestRound ? `Reached the ${roundName(run.furthestRound)}` : "";
  const steps = el("tbody");
  for (const step of run.steps) {
    steps.append(el("tr", {class: "step", "data-round": step.round},
      el("td", {}, step.match.date),
      el("td", {}, `${roundName(step.round)}${step.leg ? `, leg ${step.leg}` : ""}`),
      el("td", {}, el("a", {href: clubLink(step.opponent, year)}, step.opponent.name), step.venue === "HOME" ? " (h)" : " (a)"),
      el("td", {class: `score result-${step.result}`, title: words(step.result)}, scoreFrom(step.match, own)),
      el("td", {class: "goals-list"}, goalsOf(step, own))));
  }
  const scorers = el("tbody");
  for (const scorer of club.scorers) {
    scorers.append(el("tr", {class: "scorer"}, el("td", {}, show(scorer.goals)), el("td", {}, scorer.player.name)));
  }
  return {year, content: [
    el("h1", {}, club.name),
    el("p", {class: "subtitle", id: "outcome"}, outcome),
    el("dl", {class: "facts"},
      fact("League", words(club.league)), fact("Entered in", club.entryRound ? roundName(club.entryRound) : null),
      fact("Group", club.group ? club.group.name : "none"),
      fact("Played", run.played), fact("W-D-L", `${run.won}-${run.drawn}-${run.lost}`),
      fact("Goals", `${run.goalsFor}-${run.goalsAgainst}`)),
    el("h2", {}, "Cup run"),
    el("div", {class: "table-scroll"}, el("table", {class: "run"},
      el("thead", {}, el("tr", {}, ...["Date", "Round", "Opponent", "Score", "Scorers"].map((n) => el("th", {}, n)))),
      steps)),
    el("h2", {}, "Scorers (the article's scorer table)"),
    club.scorers.length
      ? el("table", {class: "scorers run"}, el("thead", {}, el("tr", {}, el("th", {}, "Goals"), el("th", {}, "Player"))), scorers)
      : el("p", {}, "The scorer table lists nobody for this club."),
  ]};
}

async function render() {
  const view = document.getElementById("view");
  const where = route();
  document.body.removeAttribute("data-ready");
  try {
    await fillSeasons();
    const shown = where.page === "club" ? await clubPage(where.slug, where.year) : await seasonPage(where.year);
    view.replaceChildren(...shown.content.filter(Boolean));
    // The selector names the season on screen, whichever way the page got there (#/ shows the latest).
    seasonSelect().value = String(shown.year);
  } catch (error) {
    view.replaceChildren(el("p", {class: "error", role: "alert"}, `Could not load this page: ${error.message}`));
  }
  window.scrollTo(0, 0);
  document.body.setAttribute("data-ready", where.page);
}

window.addEventListener("hashchange", render);
render();
