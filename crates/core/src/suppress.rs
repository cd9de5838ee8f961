//! What a shared aggregate must hide (SPEC §5.1–5.2), and the audit that proves it.
//!
//! A published view is a task × tool table with its margins: every cell,
//! every task's row total, every tool's column total and the grand total.
//! Each of those is a group of reports, and each is either shown with its
//! count or hidden. Three rules decide:
//!
//! 1. **k rule (primary suppression).** A group of 1 to k−1 reports is hidden.
//! 2. **Remainder rule.** A shown total minus its shown parts is 0 or at
//!    least k, so the hidden parts together never form a small group.
//! 3. **No recovery.** No hidden count can be worked out exactly from the
//!    shown ones by adding and subtracting rows and columns.
//!
//! [`suppress`] hides the least it can to satisfy all three (secondary
//! suppression), and [`audit`] checks a finished [`Published`] view against
//! them without trusting how it was made.
//!
//! # Why the table is a graph
//!
//! Write the table with its margins as an (m+1) × (n+1) grid: row m holds
//! the column totals, column n the row totals, and (m, n) the grand total.
//! Every line of that grid — each task row, the totals row, each tool
//! column, the totals column — says "the margin entry is the sum of the
//! others". Read row lines and column lines as the two sides of a
//! bipartite graph and each entry as an edge between its row line and its
//! column line: the constraint matrix is then that graph's incidence matrix
//! up to signs. The hidden counts are determined by the shown ones exactly
//! when their edge lies on no cycle of hidden edges (it is a *bridge*), so
//! rule 3 is "the hidden entries form a graph without bridges".
//! [`suppress`] uses that, while [`audit`] checks rule 3 by plain linear
//! algebra over any set of sum constraints, so a later rule that links two
//! views (a filter and a wider one) only has to add equations.

use std::collections::VecDeque;

use crate::view::{Published, PublishedCell};

/// Which groups of a task × tool view are hidden.
///
/// Made by [`suppress`] from the true counts; entries with no reports are
/// never hidden (a zero is no group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    rows: usize,
    cols: usize,
    /// `(rows + 1) × (cols + 1)` flags, row-major; the last row and column are the margins.
    hidden: Vec<bool>,
}

impl Suppression {
    /// Whether the cell of task `row` and tool `col` is hidden.
    pub fn cell(&self, row: usize, col: usize) -> bool {
        assert!(row < self.rows && col < self.cols, "no cell ({row}, {col})");
        self.hidden[row * (self.cols + 1) + col]
    }

    /// Whether task `row`'s total is hidden.
    pub fn row_total(&self, row: usize) -> bool {
        assert!(row < self.rows, "no row {row}");
        self.hidden[row * (self.cols + 1) + self.cols]
    }

    /// Whether tool `col`'s total is hidden.
    pub fn col_total(&self, col: usize) -> bool {
        assert!(col < self.cols, "no column {col}");
        self.hidden[self.rows * (self.cols + 1) + col]
    }

    /// Whether the grand total is hidden.
    pub fn total(&self) -> bool {
        self.hidden[self.hidden.len() - 1]
    }

    /// Whether the group at `entry` of the table with its margins is hidden (row-major, margins last).
    pub fn entry(&self, entry: usize) -> bool {
        self.hidden[entry]
    }

    /// How many groups are hidden, margins included.
    pub fn hidden_count(&self) -> usize {
        self.hidden.iter().filter(|hidden| **hidden).count()
    }
}

/// A table with its margins, as the bipartite graph described in the module docs.
///
/// Row nodes are `0..=rows` (the last is the totals row), column nodes are
/// `0..=cols` (the last is the totals column), and the entry at (r, c) is
/// the edge between row node r and column node c.
struct Extended {
    rows: usize,
    cols: usize,
    counts: Vec<u64>,
    hidden: Vec<bool>,
}

/// One side of the bipartite graph: a row line or a column line of the extended grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Row(usize),
    Col(usize),
}

impl Extended {
    fn new(cells: &[Vec<u64>], cols: usize) -> Extended {
        let rows = cells.len();
        let width = cols + 1;
        let mut counts = vec![0u64; (rows + 1) * width];
        for (r, row) in cells.iter().enumerate() {
            assert_eq!(row.len(), cols, "every row needs one count per tool");
            for (c, &n) in row.iter().enumerate() {
                counts[r * width + c] = n;
                counts[r * width + cols] += n;
                counts[rows * width + c] += n;
                counts[rows * width + cols] += n;
            }
        }
        let hidden = vec![false; counts.len()];
        Extended {
            rows,
            cols,
            counts,
            hidden,
        }
    }

    fn at(&self, r: usize, c: usize) -> usize {
        r * (self.cols + 1) + c
    }

    fn ends(&self, entry: usize) -> (usize, usize) {
        (entry / (self.cols + 1), entry % (self.cols + 1))
    }

    /// The margin entry of a line, and its parts.
    fn line(&self, line: Line) -> (usize, Vec<usize>) {
        match line {
            Line::Row(r) => (
                self.at(r, self.cols),
                (0..self.cols).map(|c| self.at(r, c)).collect(),
            ),
            Line::Col(c) => (
                self.at(self.rows, c),
                (0..self.rows).map(|r| self.at(r, c)).collect(),
            ),
        }
    }

    fn lines(&self) -> impl Iterator<Item = Line> {
        (0..=self.rows)
            .map(Line::Row)
            .chain((0..=self.cols).map(Line::Col))
    }

    /// Among `entries`, the shown non-empty one with the fewest reports (first on a tie).
    fn smallest_shown(&self, entries: impl IntoIterator<Item = usize>) -> Option<usize> {
        entries
            .into_iter()
            .filter(|&e| !self.hidden[e] && self.counts[e] > 0)
            .min_by_key(|&e| (self.counts[e], e))
    }

    /// Rule 2: a shown part to hide because its line's hidden remainder is 1..k−1.
    fn remainder_fix(&self, k: u64) -> Option<usize> {
        self.lines().find_map(|line| {
            let (total, parts) = self.line(line);
            if self.hidden[total] {
                return None;
            }
            let shown: u64 = parts
                .iter()
                .filter(|&&p| !self.hidden[p])
                .map(|&p| self.counts[p])
                .sum();
            let remainder = self.counts[total] - shown;
            if (1..k).contains(&remainder) {
                self.smallest_shown(parts)
            } else {
                None
            }
        })
    }

    /// Rule 3: a shown entry to hide because some hidden entry is a bridge.
    ///
    /// Removing the bridge splits its two ends into sides A and B. Hiding an
    /// entry that joins A and B closes a cycle through the bridge; when none
    /// exists, an entry reaching out of A or B grows that side, and since
    /// the table of all non-empty entries has no bridge, a joining entry
    /// turns up after finitely many steps.
    fn bridge_fix(&self) -> Option<usize> {
        let bridge = (0..self.hidden.len()).find(|&e| self.hidden[e] && self.is_bridge(e))?;
        let (r, c) = self.ends(bridge);
        let side_a = self.reach(Line::Row(r), bridge);
        let side_b = self.reach(Line::Col(c), bridge);
        let side = |reached: &(Vec<bool>, Vec<bool>), e: usize| {
            let (er, ec) = self.ends(e);
            (reached.0[er], reached.1[ec])
        };
        let candidates = (0..self.hidden.len()).filter(|&e| !self.hidden[e] && self.counts[e] > 0);
        let mut joining = Vec::new();
        let mut growing = Vec::new();
        for e in candidates {
            let (a_row, a_col) = side(&side_a, e);
            let (b_row, b_col) = side(&side_b, e);
            if (a_row && b_col) || (b_row && a_col) {
                joining.push(e);
            } else if (a_row || a_col || b_row || b_col) && !(a_row && a_col) && !(b_row && b_col) {
                growing.push(e);
            }
        }
        self.smallest_shown(joining)
            .or_else(|| self.smallest_shown(growing))
    }

    /// Whether hidden entry `edge` is on no cycle of hidden entries.
    fn is_bridge(&self, edge: usize) -> bool {
        let (r, c) = self.ends(edge);
        let (_, cols_reached) = self.reach(Line::Row(r), edge);
        !cols_reached[c]
    }

    /// The row and column nodes reachable from `start` over hidden entries other than `skip`.
    fn reach(&self, start: Line, skip: usize) -> (Vec<bool>, Vec<bool>) {
        let mut rows = vec![false; self.rows + 1];
        let mut cols = vec![false; self.cols + 1];
        let mut queue = VecDeque::from([start]);
        match start {
            Line::Row(r) => rows[r] = true,
            Line::Col(c) => cols[c] = true,
        }
        while let Some(node) = queue.pop_front() {
            match node {
                Line::Row(r) => {
                    for c in 0..=self.cols {
                        let e = self.at(r, c);
                        if e != skip && self.hidden[e] && !cols[c] {
                            cols[c] = true;
                            queue.push_back(Line::Col(c));
                        }
                    }
                }
                Line::Col(c) => {
                    for r in 0..=self.rows {
                        let e = self.at(r, c);
                        if e != skip && self.hidden[e] && !rows[r] {
                            rows[r] = true;
                            queue.push_back(Line::Row(r));
                        }
                    }
                }
            }
        }
        (rows, cols)
    }
}

/// Decides which groups of a task × tool table to hide so that rules 1–3 hold.
///
/// `cells[row][col]` are the true counts, one row per task and `cols`
/// counts per row; the margins are computed here. Primary suppression
/// hides every group of 1 to k−1 reports; then, until nothing changes, a
/// line whose hidden remainder is 1..k−1 loses its smallest shown part,
/// and a hidden entry that could be recovered exactly gets a partner hidden
/// with it (the smallest shown entry that closes a cycle). Each step hides
/// one more non-empty entry, and hiding all of them satisfies every rule,
/// so this always ends.
///
/// # Panics
///
/// If a row of `cells` does not hold `cols` counts.
pub fn suppress(cells: &[Vec<u64>], cols: usize, k: u32) -> Suppression {
    suppress_with(cells, cols, k, &[])
}

/// [`suppress`], with some non-empty groups hidden from the start.
///
/// `forced` holds one flag per group of the table with its margins,
/// `(rows + 1) × (cols + 1)` row-major like [`Suppression`]; a shorter
/// slice forces nothing past its end. Views nested in one another use it
/// (see [`crate::nested`]): a group a wider view would give away by
/// difference is hidden first, and the table's own rules then hide
/// whatever that exposes.
pub fn suppress_with(cells: &[Vec<u64>], cols: usize, k: u32, forced: &[bool]) -> Suppression {
    let k = u64::from(k);
    let mut table = Extended::new(cells, cols);
    for e in 0..table.counts.len() {
        let force = forced.get(e).copied().unwrap_or(false) && table.counts[e] > 0;
        table.hidden[e] = force || (1..k).contains(&table.counts[e]);
    }
    while let Some(e) = table.remainder_fix(k).or_else(|| table.bridge_fix()) {
        table.hidden[e] = true;
    }
    Suppression {
        rows: table.rows,
        cols: table.cols,
        hidden: table.hidden,
    }
}

/// A way a published view breaks the rules of SPEC §5.1–5.2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditFailure {
    /// The view does not hang together, e.g. a cell names a task the view does not list.
    #[error("the published view is malformed: {0}")]
    Malformed(String),
    /// A shown group holds 1 to k−1 reports.
    #[error("{group} shows {n} reports, fewer than k = {k}")]
    SmallGroup {
        /// Which group, e.g. `cell code_review × chat`.
        group: String,
        /// Its count.
        n: u64,
        /// The deployment's k.
        k: u32,
    },
    /// A shown total minus its shown parts leaves 1 to k−1 reports in hidden parts.
    #[error("{group} minus its shown parts leaves {remainder} reports, fewer than k = {k}")]
    SmallRemainder {
        /// Which total, e.g. `task code_review`.
        group: String,
        /// What its hidden parts add up to.
        remainder: u64,
        /// The deployment's k.
        k: u32,
    },
    /// The shown numbers contradict each other (parts add up to more than a total).
    #[error("{group} is smaller than the sum of its shown parts, or differs from them with nothing hidden")]
    Inconsistent {
        /// Which total.
        group: String,
    },
    /// A hidden group's count follows exactly from the shown ones.
    #[error("{group} is hidden but its count follows from the shown totals")]
    Recoverable {
        /// Which group.
        group: String,
    },
}

/// One entry of a published view: its count if shown, and its name for messages.
struct Entry {
    n: Option<u64>,
    name: String,
}

/// A linear constraint over a view's entries: the entries listed add up to zero.
///
/// Every "total = sum of parts" is written as `parts − total = 0`. Kept as
/// general sums so checks across several views can add their own.
#[derive(Debug, Clone)]
struct Equation {
    terms: Vec<(usize, i64)>,
}

/// Checks a published view against SPEC §5.1–5.2, from the view alone.
///
/// Proves, for one view, that:
/// - every shown `n` is 0 or at least `k` (rule 1);
/// - every shown total minus its shown parts is 0 or at least `k`, so no
///   hidden set of parts forms a small group (rule 2), and is never negative;
/// - no hidden count can be recovered exactly from the shown ones by any
///   combination of row and column sums (rule 3), decided by linear algebra
///   on the constraints, independently of how [`suppress`] chose;
/// - hidden cells give nothing else away, and shown cells' outcomes add up to `n`.
///
/// A cell the view does not list counts as a known 0.
pub fn audit(published: &Published, k: u32) -> Result<(), AuditFailure> {
    let (entries, equations) = view_equations(published)?;
    let k64 = u64::from(k);
    for entry in &entries {
        if let Some(n) = entry.n {
            if (1..k64).contains(&n) {
                return Err(AuditFailure::SmallGroup {
                    group: entry.name.clone(),
                    n,
                    k,
                });
            }
        }
    }
    for equation in &equations {
        check_remainder(&entries, equation, k)?;
    }
    let hidden: Vec<usize> = (0..entries.len())
        .filter(|&e| entries[e].n.is_none())
        .collect();
    if let Some(&e) = determined(&equations, &hidden).first() {
        return Err(AuditFailure::Recoverable {
            group: entries[e].name.clone(),
        });
    }
    Ok(())
}

/// The entries of a view laid out as the extended grid, with its line equations.
fn view_equations(published: &Published) -> Result<(Vec<Entry>, Vec<Equation>), AuditFailure> {
    let rows = published.tasks.len();
    let cols = published.tools.len();
    let width = cols + 1;
    let mut entries: Vec<Entry> = Vec::with_capacity((rows + 1) * width);
    for task in &published.tasks {
        for tool in &published.tools {
            entries.push(Entry {
                n: Some(0),
                name: format!("cell {} × {}", task.task, tool.tool),
            });
        }
        entries.push(Entry {
            n: task.n,
            name: format!("task {}", task.task),
        });
    }
    for tool in &published.tools {
        entries.push(Entry {
            n: tool.n,
            name: format!("tool {}", tool.tool),
        });
    }
    entries.push(Entry {
        n: published.total.n,
        name: "total".to_owned(),
    });

    let mut seen = vec![false; rows * cols];
    for cell in &published.cells {
        let row = published.tasks.iter().position(|t| t.task == cell.task);
        let col = published.tools.iter().position(|t| t.tool == cell.tool);
        let (Some(row), Some(col)) = (row, col) else {
            return Err(AuditFailure::Malformed(format!(
                "cell {} × {} is not in the listed tasks and tools",
                cell.task, cell.tool
            )));
        };
        if std::mem::replace(&mut seen[row * cols + col], true) {
            return Err(AuditFailure::Malformed(format!(
                "cell {} × {} is listed twice",
                cell.task, cell.tool
            )));
        }
        check_cell_details(cell)?;
        entries[row * width + col].n = cell.n;
    }

    let mut equations = Vec::with_capacity(rows + cols + 2);
    for r in 0..=rows {
        let mut terms: Vec<(usize, i64)> = (0..cols).map(|c| (r * width + c, 1)).collect();
        terms.push((r * width + cols, -1));
        equations.push(Equation { terms });
    }
    for c in 0..=cols {
        let mut terms: Vec<(usize, i64)> = (0..rows).map(|r| (r * width + c, 1)).collect();
        terms.push((rows * width + c, -1));
        equations.push(Equation { terms });
    }
    Ok((entries, equations))
}

/// A hidden cell says nothing but that it is hidden; a shown one is whole.
fn check_cell_details(cell: &PublishedCell) -> Result<(), AuditFailure> {
    let name = format!("cell {} × {}", cell.task, cell.tool);
    match cell.n {
        None if cell.outcomes.is_some() || cell.helped.is_some() || cell.reasons.is_some() => Err(
            AuditFailure::Malformed(format!("{name} is hidden but gives details")),
        ),
        Some(n) if cell.outcomes.is_some_and(|o| o.iter().sum::<u64>() != n) => Err(
            AuditFailure::Malformed(format!("{name}: outcomes do not add up to n")),
        ),
        _ => Ok(()),
    }
}

/// Rule 2 for one equation whose total (the entry with coefficient −1) is shown.
fn check_remainder(entries: &[Entry], equation: &Equation, k: u32) -> Result<(), AuditFailure> {
    let Some(&(total_at, _)) = equation.terms.iter().find(|(_, coeff)| *coeff < 0) else {
        return Ok(());
    };
    let Some(total) = entries[total_at].n else {
        return Ok(());
    };
    let parts = equation.terms.iter().filter(|(_, coeff)| *coeff > 0);
    let shown: u64 = parts.clone().filter_map(|&(e, _)| entries[e].n).sum();
    let any_hidden = parts.clone().any(|&(e, _)| entries[e].n.is_none());
    let inconsistent = || AuditFailure::Inconsistent {
        group: entries[total_at].name.clone(),
    };
    let remainder = total.checked_sub(shown).ok_or_else(inconsistent)?;
    if !any_hidden && remainder != 0 {
        return Err(inconsistent());
    }
    if (1..u64::from(k)).contains(&remainder) {
        return Err(AuditFailure::SmallRemainder {
            group: entries[total_at].name.clone(),
            remainder,
            k,
        });
    }
    Ok(())
}

/// The prime of the field the recoverability check computes in.
///
/// The table's constraint matrix is totally unimodular, so its rank is the
/// same over this field as over the rationals and the answer is exact.
/// Sums added later keep small integer coefficients, for which a 61-bit
/// prime dividing a minor is not a practical concern.
const PRIME: u64 = (1 << 61) - 1;

fn mul(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(PRIME)) as u64
}

fn sub(a: u64, b: u64) -> u64 {
    (a + PRIME - b) % PRIME
}

fn inverse(a: u64) -> u64 {
    // Fermat: a^(p-2) is a's inverse for a prime p.
    let (mut base, mut exp, mut result) = (a, PRIME - 2, 1);
    while exp > 0 {
        if exp & 1 == 1 {
            result = mul(result, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    result
}

/// The hidden entries whose value the equations fix, whatever the others are.
///
/// Shown entries are constants, so only hidden ones are unknowns. Unknown x
/// is fixed exactly when the unit vector for x lies in the row space of the
/// equations restricted to the unknowns, which in reduced row echelon form
/// means x has a pivot whose row has no other non-zero entry.
fn determined(equations: &[Equation], hidden: &[usize]) -> Vec<usize> {
    let column_of = |entry: usize| hidden.iter().position(|&h| h == entry);
    let mut matrix: Vec<Vec<u64>> = equations
        .iter()
        .map(|equation| {
            let mut row = vec![0u64; hidden.len()];
            for &(entry, coeff) in &equation.terms {
                if let Some(col) = column_of(entry) {
                    let value = coeff.unsigned_abs() % PRIME;
                    let value = if coeff < 0 { sub(0, value) } else { value };
                    row[col] = (row[col] + value) % PRIME;
                }
            }
            row
        })
        .collect();

    let mut pivots = Vec::new();
    let mut next_row = 0;
    for col in 0..hidden.len() {
        let Some(found) = (next_row..matrix.len()).find(|&r| matrix[r][col] != 0) else {
            continue;
        };
        matrix.swap(next_row, found);
        let scale = inverse(matrix[next_row][col]);
        for value in matrix[next_row].iter_mut() {
            *value = mul(*value, scale);
        }
        let pivot = matrix[next_row].clone();
        for (r, row) in matrix.iter_mut().enumerate() {
            let factor = row[col];
            if r != next_row && factor != 0 {
                for (value, &p) in row.iter_mut().zip(&pivot) {
                    *value = sub(*value, mul(factor, p));
                }
            }
        }
        pivots.push((next_row, col));
        next_row += 1;
    }
    pivots
        .into_iter()
        .filter(|&(row, col)| {
            matrix[row]
                .iter()
                .enumerate()
                .all(|(c, &v)| c == col || v == 0)
        })
        .map(|(_, col)| hidden[col])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden_cells(s: &Suppression, rows: usize, cols: usize) -> Vec<(usize, usize)> {
        (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|&(r, c)| s.cell(r, c))
            .collect()
    }

    #[test]
    fn nothing_is_hidden_when_every_group_is_large() {
        let s = suppress(&[vec![10, 20], vec![30, 5]], 2, 5);
        assert_eq!(s.hidden_count(), 0);
    }

    #[test]
    fn a_lone_small_cell_takes_a_rectangle_with_it() {
        // The 2 alone would be its row total minus the 10.
        let s = suppress(&[vec![2, 10], vec![10, 10]], 2, 5);
        assert_eq!(hidden_cells(&s, 2, 2), [(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert!(!s.row_total(0) && !s.row_total(1) && !s.total());
    }

    #[test]
    fn a_small_remainder_hides_another_part() {
        // Hiding 1 and 2 leaves a remainder of 3 in row 0: a third part goes too.
        let s = suppress(&[vec![1, 2, 40, 50], vec![20, 20, 20, 20]], 4, 5);
        assert!(s.cell(0, 0) && s.cell(0, 1));
        let shown: u64 = [1, 2, 40, 50]
            .iter()
            .enumerate()
            .filter(|(c, _)| !s.cell(0, *c))
            .map(|(_, n)| n)
            .sum();
        let remainder = 93 - shown;
        assert!(remainder == 0 || remainder >= 5, "{remainder}");
    }

    #[test]
    fn a_small_total_hides_everything_it_holds() {
        let s = suppress(&[vec![1, 0], vec![2, 1]], 2, 5);
        assert!(s.total() && s.row_total(0) && s.row_total(1) && s.col_total(0));
        assert!(s.col_total(1));
        assert!(s.cell(0, 0) && s.cell(1, 0) && s.cell(1, 1));
        assert!(!s.cell(0, 1));
    }

    #[test]
    fn zeros_are_never_hidden() {
        let s = suppress(&[vec![0, 3], vec![0, 12]], 2, 5);
        assert!(!s.cell(0, 0) && !s.cell(1, 0) && !s.col_total(0));
    }

    /// A 2 × 2 view (tasks a, b; tools x, y) with the given cell counts and shown totals.
    fn view(cells: [Option<u64>; 4], rows: [Option<u64>; 2], cols: [Option<u64>; 2]) -> Published {
        use crate::view::{GroupCount, TaskCount, ToolCount};
        let names = [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")];
        Published {
            k: 5,
            weeks: None,
            total: GroupCount {
                n: Some(rows.iter().flatten().sum()),
            },
            tasks: ["a", "b"]
                .iter()
                .zip(rows)
                .map(|(t, n)| TaskCount {
                    task: t.to_string(),
                    n,
                })
                .collect(),
            tools: ["x", "y"]
                .iter()
                .zip(cols)
                .map(|(t, n)| ToolCount {
                    tool: t.to_string(),
                    n,
                })
                .collect(),
            cells: names
                .iter()
                .zip(cells)
                .map(|((task, tool), n)| PublishedCell {
                    task: task.to_string(),
                    tool: tool.to_string(),
                    n,
                    outcomes: None,
                    helped: None,
                    reasons: None,
                })
                .collect(),
        }
    }

    #[test]
    fn the_audit_catches_each_kind_of_leak() {
        // a×x hidden alone: row a total 12 minus 10 gives it away.
        let leak = view(
            [None, Some(10), Some(10), Some(10)],
            [Some(12), Some(20)],
            [Some(12), Some(20)],
        );
        assert!(matches!(
            audit(&leak, 5),
            Err(AuditFailure::SmallRemainder { .. })
        ));
        // a×x, a×y, b×x hidden: remainders are large, but b×x = 20 − 10 and then a×x follow.
        let path = view(
            [None, None, None, Some(10)],
            [Some(12), Some(20)],
            [Some(12), Some(20)],
        );
        assert!(matches!(
            audit(&path, 5),
            Err(AuditFailure::Recoverable { .. })
        ));
        // All four hidden: a cycle, nothing follows.
        let cycle = view([None; 4], [Some(12), Some(20)], [Some(12), Some(20)]);
        assert_eq!(audit(&cycle, 5), Ok(()));
        let small = view(
            [Some(6), Some(3), Some(10), Some(10)],
            [Some(9), Some(20)],
            [Some(16), Some(13)],
        );
        assert!(matches!(
            audit(&small, 5),
            Err(AuditFailure::SmallGroup { n: 3, .. })
        ));
        let wrong = view(
            [Some(6), Some(6), Some(10), Some(10)],
            [Some(13), Some(20)],
            [Some(16), Some(16)],
        );
        assert!(matches!(
            audit(&wrong, 5),
            Err(AuditFailure::Inconsistent { .. })
        ));
    }

    #[test]
    fn the_linear_check_agrees_with_the_graph_on_a_path() {
        // Hidden: a (0,0), b (0,1), c (1,0), all margins shown: no cycle, all fixed.
        let equations = vec![
            Equation {
                terms: vec![(0, 1), (1, 1), (2, -1)],
            },
            Equation {
                terms: vec![(3, 1), (4, 1), (5, -1)],
            },
            Equation {
                terms: vec![(0, 1), (3, 1), (6, -1)],
            },
            Equation {
                terms: vec![(1, 1), (4, 1), (7, -1)],
            },
        ];
        let mut fixed = determined(&equations, &[0, 1, 3]);
        fixed.sort();
        assert_eq!(fixed, [0, 1, 3]);
        // With (1,1) hidden too there is a cycle and nothing is fixed.
        assert!(determined(&equations, &[0, 1, 3, 4]).is_empty());
    }
}
