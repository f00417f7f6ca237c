//! Spreading markers that would hide one another. Markers are discs on the screen; discs that
//! overlap (directly or through a chain of others) form a cluster, and a cluster's discs are
//! laid out on rings around its centre, so every one of them can be seen and chosen. Discs
//! that overlap nothing stay where they are.

use std::f64::consts::{FRAC_PI_2, TAU};

/// A marker on the screen: centre and radius in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disc {
    /// Horizontal centre, pixels.
    pub x: f64,
    /// Vertical centre, pixels.
    pub y: f64,
    /// Radius, pixels.
    pub r: f64,
}

/// Where each disc is drawn: its own centre, or a place on its cluster's rings. `gap` is the
/// least room left between two discs of a cluster, in pixels.
///
/// Ring `k` (counting from 1) has radius `k · d`, where `d` is the cluster's largest diameter
/// plus the gap, and holds up to `6k` discs; inner rings take the discs nearest the centre, and
/// discs keep their order of bearing from it, so a cluster keeps its rough geography.
/// Clusters are spread independently of one another.
///
/// # Example
/// ```
/// use conflict_mapper::views::spread::{Disc, spread};
/// let at_one_spot = [Disc { x: 50.0, y: 50.0, r: 5.0 }; 2];
/// let spread_out = spread(&at_one_spot, 2.0);
/// let (a, b) = (spread_out[0], spread_out[1]);
/// assert!(((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt() >= 12.0);
/// ```
pub fn spread(discs: &[Disc], gap: f64) -> Vec<(f64, f64)> {
    let n = discs.len();
    // Union-find over overlapping pairs.
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (discs[i], discs[j]);
            if (a.x - b.x).hypot(a.y - b.y) < a.r + b.r + gap {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut out: Vec<(f64, f64)> = discs.iter().map(|d| (d.x, d.y)).collect();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut cluster_of = vec![usize::MAX; n];
    for i in 0..n {
        let r = root(&mut parent, i);
        if cluster_of[r] == usize::MAX {
            cluster_of[r] = clusters.len();
            clusters.push(Vec::new());
        }
        clusters[cluster_of[r]].push(i);
    }
    for members in clusters.into_iter().filter(|c| c.len() > 1) {
        let count = members.len() as f64;
        let cx = members.iter().map(|&i| discs[i].x).sum::<f64>() / count;
        let cy = members.iter().map(|&i| discs[i].y).sum::<f64>() / count;
        let step = 2.0 * members.iter().map(|&i| discs[i].r).fold(0.0, f64::max) + gap;
        // Inner rings take the discs nearest the centre; on each ring, discs keep their order
        // of bearing from the centre, turned to sit as near their own bearing as they can.
        let from_centre = |i: usize| (discs[i].x - cx).hypot(discs[i].y - cy);
        let bearing = |i: usize| (discs[i].y - cy).atan2(discs[i].x - cx);
        let mut sorted = members;
        sorted.sort_by(|&a, &b| from_centre(a).total_cmp(&from_centre(b)).then(a.cmp(&b)));
        let mut rest = sorted.as_slice();
        let mut ring = 1;
        while !rest.is_empty() {
            let take = rest.len().min(6 * ring);
            let mut on_ring = rest[..take].to_vec();
            on_ring.sort_by(|&a, &b| bearing(a).total_cmp(&bearing(b)).then(a.cmp(&b)));
            let slot = |k: usize| TAU * k as f64 / take as f64;
            let (sin, cos) = on_ring
                .iter()
                .enumerate()
                .fold((0.0, 0.0), |(s, c), (k, &i)| {
                    let turn = bearing(i) - slot(k);
                    (s + turn.sin(), c + turn.cos())
                });
            // Discs all at the centre have no bearing: start at twelve o'clock.
            let start = if sin.hypot(cos) < 1e-6 * take as f64
                || on_ring.iter().all(|&i| from_centre(i) < 1e-9)
            {
                -FRAC_PI_2
            } else {
                sin.atan2(cos)
            };
            let radius = ring as f64 * step;
            for (k, &i) in on_ring.iter().enumerate() {
                let angle = start + slot(k);
                out[i] = (cx + radius * angle.cos(), cy + radius * angle.sin());
            }
            rest = &rest[take..];
            ring += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(discs: &[Disc], at: &[(f64, f64)], gap: f64) -> Option<(usize, usize)> {
        for i in 0..at.len() {
            for j in i + 1..at.len() {
                let d = (at[i].0 - at[j].0).hypot(at[i].1 - at[j].1);
                if d + 1e-9 < discs[i].r + discs[j].r + gap {
                    return Some((i, j));
                }
            }
        }
        None
    }

    #[test]
    fn discs_at_one_spot_all_come_apart() {
        for n in [2, 3, 6, 7, 20, 100] {
            let discs: Vec<Disc> = (0..n)
                .map(|i| Disc {
                    x: 100.0,
                    y: 100.0,
                    r: 4.0 + (i % 5) as f64,
                })
                .collect();
            let at = spread(&discs, 2.0);
            assert_eq!(overlap(&discs, &at, 2.0), None, "{n} discs");
        }
    }

    #[test]
    fn a_chain_of_near_discs_comes_apart_and_lone_discs_stay() {
        let mut discs: Vec<Disc> = (0..8)
            .map(|i| Disc {
                x: 10.0 + 6.0 * i as f64,
                y: 40.0,
                r: 6.0,
            })
            .collect();
        discs.push(Disc {
            x: 400.0,
            y: 400.0,
            r: 6.0,
        });
        let at = spread(&discs, 2.0);
        assert_eq!(overlap(&discs[..8], &at[..8], 2.0), None);
        assert_eq!(at[8], (400.0, 400.0));
        // The cluster keeps its rough geography: the westmost disc stays west of the eastmost.
        assert!(at[0].0 < at[7].0);
    }
}
