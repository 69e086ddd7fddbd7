// cupql's page: the knockout bracket, group tables, goals by minute and club pages, all read from the public
// GraphQL API the way any front-end app would. Plain JS and SVG, nothing loaded from elsewhere.
// Routes live in the URL's fragment: #/ (the season), #/club/SLUG (a club); ?season=YEAR picks a season.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

// Queries go as automatic persisted queries over GET: the query's SHA-256 alone, the text only the first time
// the server has not seen it. GETs can be answered from the browser's and the server's caches (ETag).
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

const SEASON_QUERY = `query Overview($year: Int) {
  season(year: $year) {
    year name winner { name slug } runnerUp { name slug }
    rounds { round name }
    ties {
      round homeAggregate awayAggregate decidedBy homePenalties awayPenalties
      home { name slug } away { name slug } winner { slug }
      legs { leg date homeScore awayScore extraTime }
    }
    groups {
      name
      standings {
        position club { name slug }
        played won drawn lost goalsFor goalsAgainst goalDifference points
      }
    }
  }
  goals(season: $year) { totalCount groupBy(key: MINUTE_BUCKET) { key count } }
}`;

const CLUB_QUERY = `query ClubPage($slug: String!, $year: Int) {
  club(name: $slug, season: $year) {
    name league entryRound group { name }
    cupRun {
      furthestRound eliminatedIn eliminatedBy { name slug } isWinner
      played won drawn lost goalsFor goalsAgainst
      steps {
        round leg venue goalsFor goalsAgainst result opponent { name slug }
        match {
          date extraTime
          goals { minute stoppageTime penalty ownGoal attribution club { slug } scorer { name } }
        }
      }
    }
    scorers { player { name } goals }
  }
}`;

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

async function fillSeasons(year) {
  const select = document.getElementById("season");
  if (!select.options.length) {
    const {seasons} = await graphql("{ seasons(first: 100) { nodes { year name } } }");
    for (const season of seasons.nodes) select.append(el("option", {value: season.year}, season.name));
    select.addEventListener("change", () => {
      const current = route();
      const suffix = `?season=${select.value}`;
      location.hash = current.page === "club" ? `#/club/${encodeURIComponent(current.slug)}${suffix}` : `#/${suffix}`;
    });
  }
  if (year) select.value = String(year);
}

// ---- the knockout bracket ------------------------------------------------------------------------------

const BOX = {width: 205, height: 62, gapX: 44, gapY: 14, top: 34, left: 10};

// What settled a tie, when the score alone did not.
const DECISIONS = {AWAY_GOALS: "away goals", REPLAY: "replay", AWARDED: "awarded", ADVANCED: "went through"};

function decisionText(tie) {
  if (tie.decidedBy === "PENALTIES") return ` · pens ${tie.homePenalties}-${tie.awayPenalties}`;
  if (DECISIONS[tie.decidedBy]) return ` · ${DECISIONS[tie.decidedBy]}`;
  const level = tie.winner && tie.homeAggregate === tie.awayAggregate;
  return level ? " · level: winner went through" : "";
}

function legsText(tie) {
  const legs = tie.legs.map((leg) => leg.homeScore === null ? "w/o"
    : `${leg.homeScore}-${leg.awayScore}${leg.extraTime ? " a.e.t." : ""}`);
  return (tie.legs.length > 1 ? `legs ${legs.join(", ")}` : legs[0] || "") + decisionText(tie);
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
        class: won ? "winner score" : "score"}, show(goals)));
    });
    group.append(svg("text", {x: x + 8, y: y + 53, class: "legs"}, legsText(tie)));
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
    return table;
  }));
}

// ---- goals by minute -----------------------------------------------------------------------------------

function drawChart(goals) {
  const buckets = goals.groupBy;
  const most = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const bar = 46, gap = 14, plot = 180, left = 10, top = 16;
  const width = left * 2 + buckets.length * (bar + gap);
  const canvas = svg("svg", {width, height: top + plot + 40, role: "img",
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
  const data = await graphql(SEASON_QUERY, {year});
  const season = data.season;
  season.rounds.forEach((r) => roundNames.set(r.round, r.name));
  document.title = `${season.name} · cupql`;
  const champion = season.winner
    ? el("p", {class: "subtitle", id: "champion"}, "Winner: ",
      el("a", {href: clubLink(season.winner, season.year)}, season.winner.name),
      season.runnerUp ? ` · runner-up: ${season.runnerUp.name}` : "")
    : el("p", {class: "subtitle"}, "No winner yet.");
  return [
    el("h1", {}, season.name), champion,
    el("h2", {}, "Knockout bracket"), drawBracket(season),
    season.groups.length ? el("h2", {}, "Group stage") : null,
    season.groups.length ? drawGroups(season) : null,
    el("h2", {}, `Goals by minute (${data.goals.totalCount} goals)`), drawChart(data.goals),
  ];
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

async function clubPage(slug, year) {
  const data = await graphql(CLUB_QUERY, {slug, year});
  const club = data.club, run = club.cupRun;
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
      el("td", {class: `score result-${step.result}`},
        `${step.goalsFor}-${step.goalsAgainst}${step.match.extraTime ? " a.e.t." : ""}`),
      el("td", {class: "goals-list"}, goalsOf(step, slug))));
  }
  const scorers = el("tbody");
  for (const scorer of club.scorers) {
    scorers.append(el("tr", {class: "scorer"}, el("td", {}, show(scorer.goals)), el("td", {}, scorer.player.name)));
  }
  return [
    el("h1", {}, club.name),
    el("p", {class: "subtitle", id: "outcome"}, outcome),
    el("dl", {class: "facts"},
      fact("League", words(club.league)), fact("Entered in", club.entryRound ? roundName(club.entryRound) : null),
      fact("Group", club.group ? club.group.name : "none"),
      fact("Played", run.played), fact("W-D-L", `${run.won}-${run.drawn}-${run.lost}`),
      fact("Goals", `${run.goalsFor}-${run.goalsAgainst}`)),
    el("h2", {}, "Cup run"),
    el("table", {class: "run"},
      el("thead", {}, el("tr", {}, ...["Date", "Round", "Opponent", "Score", "Scorers"].map((n) => el("th", {}, n)))),
      steps),
    el("h2", {}, "Scorers (the article's scorer table)"),
    club.scorers.length
      ? el("table", {class: "scorers run"}, el("thead", {}, el("tr", {}, el("th", {}, "Goals"), el("th", {}, "Player"))), scorers)
      : el("p", {}, "The scorer table lists nobody for this club."),
  ];
}

async function render() {
  const view = document.getElementById("view");
  const where = route();
  document.body.removeAttribute("data-ready");
  try {
    await fillSeasons(where.year);
    if (!roundNames.size) {
      const {season} = await graphql("query($year: Int) { season(year: $year) { rounds { round name } } }", {year: where.year});
      season.rounds.forEach((r) => roundNames.set(r.round, r.name));
    }
    const content = where.page === "club" ? await clubPage(where.slug, where.year) : await seasonPage(where.year);
    view.replaceChildren(...content.filter(Boolean));
  } catch (error) {
    view.replaceChildren(el("p", {class: "error", role: "alert"}, `Could not load this page: ${error.message}`));
  }
  window.scrollTo(0, 0);
  document.body.setAttribute("data-ready", where.page);
}

window.addEventListener("hashchange", render);
render();
