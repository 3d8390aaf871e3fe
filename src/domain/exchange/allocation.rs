//! The allocation of a call for exchanges: requests to placement date windows, never above a
//! window's capacity, only where the visit fits the requester's dates (the caller lists those
//! choices), with the best total fit that is fair between cities.
//!
//! The objective, in order:
//! 1. grant as many requests as the places allow (nobody is turned away while a place that suits
//!    them would stay empty);
//! 2. among those allocations, maximise the total fit ([`crate::domain::exchange::fit`], preference rank
//!    included) minus a fairness charge.
//!
//! **Fair** means that the cities' grant rates (granted / requested) are pulled together: the
//! k-th granted request of a city that made n requests is charged
//! `FAIRNESS_POINTS × (k − 1) / n` points. A city's first grant is free, and each further grant
//! costs more the larger the share of its requests already granted. Moving a grant from a city
//! with a higher rate to one with a lower rate pays whenever the two fits differ by less than the
//! difference in charges (at most 60 points: a grant-rate gap of 50 % outweighs a difference of
//! one preference rank and a shared language, but not a much better fit).
//!
//! This is a minimum-cost maximum flow (source → city → request → window → sink, the city arcs
//! one unit each at increasing charges), solved exactly by the primal-dual method
//! ([`MinCostFlow`]). Tests check optimality against brute force on small instances and against
//! the AtCoder Library's solver (`ac-library-rs`) on larger ones.

/// Points that the fairness charge can reach (for a city's last grant when all are granted).
pub const FAIRNESS_POINTS: i64 = 60;

/// One way to grant a request: a date window and the fit of the visit there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Index into [`Instance::capacities`].
    pub window: usize,
    /// Fit, 0 to [`crate::domain::exchange::MAX_FIT`] (values outside count as the nearest end).
    pub fit: i64,
}

/// A request: the requester's city (index) and its choices.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Index of the requester's city, below [`Instance::cities`].
    pub city: usize,
    /// Where it could be granted.
    pub choices: Vec<Choice>,
}

/// What is allocated.
#[derive(Debug, Clone, Default)]
pub struct Instance {
    /// Number of cities.
    pub cities: usize,
    /// Visitors each window can take.
    pub capacities: Vec<u32>,
    /// The requests.
    pub requests: Vec<Request>,
}

/// An allocation and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// Per request: the index of the granted choice, or `None`.
    pub granted: Vec<Option<usize>>,
    /// Requests granted.
    pub count: usize,
    /// Sum of the granted choices' fits.
    pub fit: i64,
    /// Sum of the fairness charges.
    pub charge: i64,
}

impl Allocation {
    /// The objective (after the count): fit minus the fairness charges.
    pub fn value(&self) -> i64 {
        self.fit - self.charge
    }
}

/// The charge for the `k`-th grant (from 1) of a city that made `n` requests.
pub fn charge(k: usize, n: usize) -> i64 {
    FAIRNESS_POINTS * (k as i64 - 1) / n.max(1) as i64
}

impl Instance {
    /// Requests per city.
    pub fn requests_per_city(&self) -> Vec<usize> {
        let mut n = vec![0; self.cities];
        for r in &self.requests {
            n[r.city] += 1;
        }
        n
    }

    /// Scores an allocation (`granted[i]` indexes request `i`'s choices). `None` when it grants
    /// a choice that does not exist or fills a window above its capacity.
    pub fn evaluate(&self, granted: Vec<Option<usize>>) -> Option<Allocation> {
        let mut used = vec![0u32; self.capacities.len()];
        let mut per_city = vec![0usize; self.cities];
        let mut fit = 0;
        for (r, g) in self.requests.iter().zip(&granted) {
            if let Some(i) = g {
                let c = r.choices.get(*i)?;
                used[c.window] += 1;
                if used[c.window] > self.capacities[c.window] {
                    return None;
                }
                per_city[r.city] += 1;
                fit += c.fit.clamp(0, crate::domain::exchange::MAX_FIT);
            }
        }
        let n = self.requests_per_city();
        let charge = per_city
            .iter()
            .zip(&n)
            .map(|(g, n)| (1..=*g).map(|k| charge(k, *n)).sum::<i64>())
            .sum();
        Some(Allocation {
            count: per_city.iter().sum(),
            granted,
            fit,
            charge,
        })
    }
}

/// The optimal allocation (see the module's objective).
pub fn allocate(instance: &Instance) -> Allocation {
    let (source, sink) = (0, 1);
    let city = |c: usize| 2 + c;
    let request = |r: usize| 2 + instance.cities + r;
    let window = |w: usize| 2 + instance.cities + instance.requests.len() + w;
    let nodes = 2 + instance.cities + instance.requests.len() + instance.capacities.len();
    let mut g = MinCostFlow::new(nodes);
    for (c, n) in instance.requests_per_city().into_iter().enumerate() {
        for k in 1..=n {
            g.add_edge(source, city(c), 1, charge(k, n));
        }
    }
    let mut arcs = Vec::new();
    for (r, req) in instance.requests.iter().enumerate() {
        g.add_edge(city(req.city), request(r), 1, 0);
        for (i, choice) in req.choices.iter().enumerate() {
            // Every unit of flow takes exactly one such arc, so counting fit down from the
            // maximum keeps costs non-negative without changing which flow is cheapest.
            let cost = crate::domain::exchange::MAX_FIT
                - choice.fit.clamp(0, crate::domain::exchange::MAX_FIT);
            arcs.push((r, i, g.add_edge(request(r), window(choice.window), 1, cost)));
        }
    }
    for (w, cap) in instance.capacities.iter().enumerate() {
        g.add_edge(window(w), sink, i64::from(*cap), 0);
    }
    g.run(source, sink);
    let mut granted = vec![None; instance.requests.len()];
    for (r, i, arc) in arcs {
        if g.flow(arc) > 0 {
            granted[r] = Some(i);
        }
    }
    instance
        .evaluate(granted)
        .unwrap_or_else(|| unreachable!("a flow never exceeds a capacity"))
}

/// Minimum-cost maximum flow by the primal-dual method: a Dijkstra search over reduced costs
/// (non-negative thanks to node potentials) finds the current shortest distance to the sink, then
/// a blocking flow (Dinic's layered search) saturates every path of that length at once. With
/// small integer costs there are few distinct lengths, so few searches: 5,000 requests take about
/// half a second where one search per unit of flow (the AtCoder Library's successive shortest
/// paths, which the tests use as a second opinion) takes three.
struct MinCostFlow {
    /// Per node: indexes into `edges`.
    out: Vec<Vec<usize>>,
    /// Edges in pairs: `2k` forward, `2k + 1` its residual reverse.
    edges: Vec<Arc>,
}

#[derive(Clone, Copy)]
struct Arc {
    to: usize,
    cap: i64,
    cost: i64,
}

impl MinCostFlow {
    fn new(nodes: usize) -> Self {
        MinCostFlow {
            out: vec![Vec::new(); nodes],
            edges: Vec::new(),
        }
    }

    /// Adds an arc; returns its id for [`MinCostFlow::flow`]. Costs must not be negative.
    fn add_edge(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        debug_assert!(cost >= 0 && cap >= 0);
        let id = self.edges.len();
        self.out[from].push(id);
        self.out[to].push(id + 1);
        self.edges.push(Arc { to, cap, cost });
        self.edges.push(Arc {
            to: from,
            cap: 0,
            cost: -cost,
        });
        id
    }

    /// Flow on an arc after [`MinCostFlow::run`].
    fn flow(&self, id: usize) -> i64 {
        self.edges[id + 1].cap
    }

    /// Sends as much flow as possible from `s` to `t` at the least cost.
    fn run(&mut self, s: usize, t: usize) {
        let n = self.out.len();
        let mut potential = vec![0i64; n];
        let mut dist = vec![i64::MAX; n];
        let mut level = vec![usize::MAX; n];
        let mut next = vec![0usize; n];
        loop {
            // Shortest reduced distances, settled up to the sink's.
            dist.fill(i64::MAX);
            dist[s] = 0;
            let mut heap = std::collections::BinaryHeap::new();
            heap.push(std::cmp::Reverse((0i64, s)));
            while let Some(std::cmp::Reverse((d, v))) = heap.pop() {
                if d > dist[v] {
                    continue;
                }
                if v == t {
                    break;
                }
                for &e in &self.out[v] {
                    let a = self.edges[e];
                    if a.cap == 0 {
                        continue;
                    }
                    let nd = d + a.cost + potential[v] - potential[a.to];
                    if nd < dist[a.to] {
                        dist[a.to] = nd;
                        heap.push(std::cmp::Reverse((nd, a.to)));
                    }
                }
            }
            if dist[t] == i64::MAX {
                return;
            }
            // Nodes beyond the sink's distance move by the sink's: reduced costs stay >= 0 and
            // are 0 exactly along shortest paths.
            for v in 0..n {
                potential[v] += dist[v].min(dist[t]);
            }
            // Saturate the shortest paths: Dinic's blocking flow over zero reduced-cost arcs.
            loop {
                level.fill(usize::MAX);
                level[s] = 0;
                let mut queue = std::collections::VecDeque::from([s]);
                while let Some(v) = queue.pop_front() {
                    for &e in &self.out[v] {
                        let a = self.edges[e];
                        if a.cap > 0
                            && level[a.to] == usize::MAX
                            && a.cost + potential[v] - potential[a.to] == 0
                        {
                            level[a.to] = level[v] + 1;
                            queue.push_back(a.to);
                        }
                    }
                }
                if level[t] == usize::MAX {
                    break;
                }
                next.fill(0);
                while self.augment(s, t, i64::MAX, &level, &mut next, &potential) > 0 {}
            }
        }
    }

    /// One augmenting path along the levels (iterative, so long paths cannot overflow the stack).
    fn augment(
        &mut self,
        s: usize,
        t: usize,
        limit: i64,
        level: &[usize],
        next: &mut [usize],
        potential: &[i64],
    ) -> i64 {
        let mut path: Vec<usize> = Vec::new();
        let mut v = s;
        loop {
            if v == t {
                let pushed = path
                    .iter()
                    .map(|&e| self.edges[e].cap)
                    .min()
                    .unwrap_or(limit)
                    .min(limit);
                for &e in &path {
                    self.edges[e].cap -= pushed;
                    self.edges[e ^ 1].cap += pushed;
                }
                return pushed;
            }
            let mut advanced = false;
            while next[v] < self.out[v].len() {
                let e = self.out[v][next[v]];
                let a = self.edges[e];
                if a.cap > 0
                    && level[a.to] == level[v] + 1
                    && a.cost + potential[v] - potential[a.to] == 0
                {
                    path.push(e);
                    v = a.to;
                    advanced = true;
                    break;
                }
                next[v] += 1;
            }
            if !advanced {
                // A dead end: retreat, and skip the arc that led here.
                let Some(e) = path.pop() else {
                    return 0;
                };
                v = self.edges[e ^ 1].to;
                next[v] += 1;
            }
        }
    }
}

/// The allocation a first-come pass gives: each request in turn takes its best choice that
/// still has room. Kept to measure what the optimal allocation gains.
pub fn greedy(instance: &Instance) -> Allocation {
    let mut left = instance.capacities.clone();
    let mut granted = vec![None; instance.requests.len()];
    for (r, req) in instance.requests.iter().enumerate() {
        let best = req
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| left[c.window] > 0)
            .max_by_key(|(_, c)| c.fit);
        if let Some((i, c)) = best {
            left[c.window] -= 1;
            granted[r] = Some(i);
        }
    }
    instance
        .evaluate(granted)
        .unwrap_or_else(|| unreachable!("greedy respects capacities"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::MAX_FIT;

    /// SplitMix64, so that the random instances are the same on every run.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) % n
        }
    }

    fn random_instance(rng: &mut Rng) -> Instance {
        let cities = 1 + rng.below(3) as usize;
        let windows = 1 + rng.below(3) as usize;
        let capacities = (0..windows).map(|_| 1 + rng.below(2) as u32).collect();
        let requests = (0..1 + rng.below(6))
            .map(|_| {
                let mut choices: Vec<Choice> = Vec::new();
                for _ in 0..rng.below(4) {
                    let window = rng.below(windows as u64) as usize;
                    if choices.iter().all(|c| c.window != window) {
                        choices.push(Choice {
                            window,
                            fit: rng.below(116) as i64,
                        });
                    }
                }
                Request {
                    city: rng.below(cities as u64) as usize,
                    choices,
                }
            })
            .collect();
        Instance {
            cities,
            capacities,
            requests,
        }
    }

    /// Every allocation, tried one by one: the best (count, value).
    fn brute_force(instance: &Instance) -> (usize, i64) {
        fn go(instance: &Instance, granted: &mut Vec<Option<usize>>, best: &mut (usize, i64)) {
            let r = granted.len();
            if r == instance.requests.len() {
                if let Some(a) = instance.evaluate(granted.clone()) {
                    *best = (*best).max((a.count, a.value()));
                }
                return;
            }
            for g in std::iter::once(None).chain((0..instance.requests[r].choices.len()).map(Some))
            {
                granted.push(g);
                go(instance, granted, best);
                granted.pop();
            }
        }
        let mut best = (0, i64::MIN);
        go(instance, &mut Vec::new(), &mut best);
        best
    }

    #[test]
    fn the_allocation_is_optimal_on_a_thousand_small_instances() {
        let mut rng = Rng(2026);
        for round in 0..1000 {
            let instance = random_instance(&mut rng);
            let a = allocate(&instance);
            assert_eq!(
                (a.count, a.value()),
                brute_force(&instance),
                "instance {round}: {instance:?}"
            );
            let g = greedy(&instance);
            assert!((g.count, g.value()) <= (a.count, a.value()));
        }
    }

    /// The same network through the AtCoder Library's solver: (count, value).
    fn second_opinion(instance: &Instance) -> (usize, i64) {
        let mut g = ac_library::MinCostFlowGraph::<i64>::new(
            2 + instance.cities + instance.requests.len() + instance.capacities.len(),
        );
        let (c0, r0) = (2, 2 + instance.cities);
        let w0 = r0 + instance.requests.len();
        for (c, n) in instance.requests_per_city().into_iter().enumerate() {
            for k in 1..=n {
                g.add_edge(0, c0 + c, 1, charge(k, n));
            }
        }
        for (r, req) in instance.requests.iter().enumerate() {
            g.add_edge(c0 + req.city, r0 + r, 1, 0);
            for c in &req.choices {
                g.add_edge(r0 + r, w0 + c.window, 1, MAX_FIT - c.fit);
            }
        }
        for (w, cap) in instance.capacities.iter().enumerate() {
            g.add_edge(w0 + w, 1, i64::from(*cap), 0);
        }
        let (flow, cost) = g.flow(0, 1, i64::MAX);
        (flow as usize, flow * MAX_FIT - cost)
    }

    #[test]
    fn the_allocation_agrees_with_a_second_solver_on_larger_instances() {
        let mut rng = Rng(7041);
        for round in 0..30 {
            let (cities, windows) = (1 + rng.below(6) as usize, 1 + rng.below(60) as usize);
            let instance = Instance {
                cities,
                capacities: (0..windows).map(|_| rng.below(4) as u32).collect(),
                requests: (0..rng.below(300))
                    .map(|_| Request {
                        city: rng.below(cities as u64) as usize,
                        choices: (0..rng.below(8))
                            .map(|_| Choice {
                                window: rng.below(windows as u64) as usize,
                                fit: rng.below(MAX_FIT as u64 + 1) as i64,
                            })
                            .collect(),
                    })
                    .collect(),
            };
            let a = allocate(&instance);
            assert_eq!(
                (a.count, a.value()),
                second_opinion(&instance),
                "round {round}"
            );
        }
    }

    #[test]
    fn capacity_is_never_exceeded_and_only_listed_choices_are_granted() {
        let instance = Instance {
            cities: 1,
            capacities: vec![1],
            requests: vec![
                Request {
                    city: 0,
                    choices: vec![Choice { window: 0, fit: 50 }],
                },
                Request {
                    city: 0,
                    choices: vec![Choice { window: 0, fit: 90 }],
                },
                Request {
                    city: 0,
                    choices: Vec::new(),
                },
            ],
        };
        let a = allocate(&instance);
        assert_eq!(a.granted, vec![None, Some(0), None]);
        assert!(instance.evaluate(vec![Some(0), Some(0), None]).is_none());
    }

    #[test]
    fn a_city_with_a_lower_grant_rate_gets_the_contested_place() {
        // Two places; city 0 asks twice, city 1 once, all for the same window with equal fit.
        // Granting city 0 twice would leave city 1 at 0 %; the fair allocation grants one each.
        let choice = vec![Choice { window: 0, fit: 80 }];
        let instance = Instance {
            cities: 2,
            capacities: vec![2],
            requests: vec![
                Request {
                    city: 0,
                    choices: choice.clone(),
                },
                Request {
                    city: 0,
                    choices: choice.clone(),
                },
                Request {
                    city: 1,
                    choices: choice,
                },
            ],
        };
        let a = allocate(&instance);
        assert_eq!(a.count, 2);
        assert!(a.granted[2].is_some(), "{a:?}");
    }

    /// Two cities that made `n` requests each; the first city already has half of its requests
    /// granted in a window of its own, the second none. One contested place remains: the first
    /// city's request fits it `lead` points better. Which city gets it?
    fn contest(n: usize, lead: i64) -> usize {
        let mut requests = Vec::new();
        for i in 0..n {
            let choices = if i < n / 2 {
                vec![Choice { window: 0, fit: 50 }]
            } else if i == n / 2 {
                vec![Choice {
                    window: 1,
                    fit: 20 + lead,
                }]
            } else {
                Vec::new()
            };
            requests.push(Request { city: 0, choices });
        }
        for i in 0..n {
            let choices = if i == 0 {
                vec![Choice { window: 1, fit: 20 }]
            } else {
                Vec::new()
            };
            requests.push(Request { city: 1, choices });
        }
        let instance = Instance {
            cities: 2,
            capacities: vec![n as u32 / 2, 1],
            requests,
        };
        let a = allocate(&instance);
        if a.granted[n / 2].is_some() { 0 } else { 1 }
    }

    #[test]
    fn a_fifty_percent_gap_in_grant_rates_is_worth_thirty_points() {
        // 60 × 0.5 = 30: as much as one preference rank (10) and a shared language (20)
        // together, more than either alone.
        for n in [10, 20, 100] {
            assert_eq!(
                contest(n, 10),
                1,
                "n = {n}: one rank does not outweigh the gap"
            );
            assert_eq!(contest(n, 20), 1, "n = {n}: a shared language does not");
            assert_eq!(contest(n, 29), 1, "n = {n}: 29 points do not");
            assert_eq!(contest(n, 31), 0, "n = {n}: 31 points do");
        }
    }

    #[test]
    fn more_grants_come_before_better_fit() {
        // Request 0 fits window 0 best but is the only one that can take window 1.
        let instance = Instance {
            cities: 1,
            capacities: vec![1, 1],
            requests: vec![
                Request {
                    city: 0,
                    choices: vec![
                        Choice {
                            window: 0,
                            fit: 100,
                        },
                        Choice { window: 1, fit: 0 },
                    ],
                },
                Request {
                    city: 0,
                    choices: vec![Choice { window: 0, fit: 10 }],
                },
            ],
        };
        let a = allocate(&instance);
        assert_eq!(a.granted, vec![Some(1), Some(0)]);
        let g = greedy(&instance);
        assert_eq!(
            g.count, 1,
            "first come takes window 0 and strands the other"
        );
    }
}
