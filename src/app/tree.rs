//! The area tree: the whole catalogue → områden → sections → groups, with counts, and the
//! state of its expansion and selection.

use crate::model::{Catalog, Omrade};
use crate::search::Scope;

/// One node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeNode {
    /// The text shown, control characters made visible.
    pub label: String,
    pub scope: Scope,
    /// Number of insatser under this node.
    pub count: usize,
    /// 0 for the root and the områden, 1 for sections, 2 for groups.
    pub depth: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// The tree of the catalogue and which nodes are expanded and selected.
#[derive(Debug, Clone)]
pub struct TreeState {
    nodes: Vec<TreeNode>,
    expanded: Vec<bool>,
    /// The selected node (an index into the nodes).
    selected: usize,
    /// First visible row.
    pub offset: usize,
}

/// Node 0 is the whole catalogue.
const ROOT: usize = 0;

impl TreeState {
    /// Build the tree from the catalogue, in source order; everything collapsed, root selected.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut nodes = vec![TreeNode {
            label: "Alla områden".to_string(),
            scope: Scope::All,
            count: catalog.insatser.len(),
            depth: 0,
            parent: None,
            children: Vec::new(),
        }];
        let child = |nodes: &mut Vec<TreeNode>, parent: usize, label: String, scope: Scope| {
            if let Some(&found) = nodes[parent]
                .children
                .iter()
                .find(|&&c| nodes[c].scope == scope)
            {
                nodes[found].count += 1;
                return found;
            }
            let id = nodes.len();
            let depth = if parent == ROOT {
                0
            } else {
                nodes[parent].depth + 1
            };
            nodes.push(TreeNode {
                label: crate::text::sanitize(&label).into_owned(),
                scope,
                count: 1,
                depth,
                parent: Some(parent),
                children: Vec::new(),
            });
            nodes[parent].children.push(id);
            id
        };
        // Områden in their fixed order, even before any insats is seen.
        for o in Omrade::ALL {
            let id = child(&mut nodes, ROOT, o.title().to_string(), Scope::Omrade(o));
            nodes[id].count = 0;
        }
        for i in &catalog.insatser {
            let o = child(
                &mut nodes,
                ROOT,
                i.omrade.title().to_string(),
                Scope::Omrade(i.omrade),
            );
            let s = child(
                &mut nodes,
                o,
                format!("{} {}", i.sektion_nr, i.sektion),
                Scope::Sektion {
                    omrade: i.omrade,
                    nr: i.sektion_nr.to_string(),
                },
            );
            if let Some(g) = &i.grupp {
                child(
                    &mut nodes,
                    s,
                    g.to_string(),
                    Scope::Grupp {
                        omrade: i.omrade,
                        sektion_nr: i.sektion_nr.to_string(),
                        grupp: g.to_string(),
                    },
                );
            }
        }
        let expanded = vec![false; nodes.len()];
        TreeState {
            nodes,
            expanded,
            selected: ROOT,
            offset: 0,
        }
    }

    /// The node with this id.
    #[must_use]
    pub fn node(&self, id: usize) -> &TreeNode {
        &self.nodes[id]
    }

    /// Whether a node is expanded.
    #[must_use]
    pub fn is_expanded(&self, id: usize) -> bool {
        self.expanded[id]
    }

    /// The selected node's id.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The scope of the selected node.
    #[must_use]
    pub fn scope(&self) -> &Scope {
        &self.nodes[self.selected].scope
    }

    /// The label of the selected node.
    #[must_use]
    pub fn label(&self) -> &str {
        &self.nodes[self.selected].label
    }

    /// Node ids in display order: the root, then the områden and what is expanded below them.
    #[must_use]
    pub fn visible(&self) -> Vec<usize> {
        let mut out = vec![ROOT];
        let mut stack: Vec<usize> = self.nodes[ROOT].children.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            out.push(id);
            if self.expanded[id] {
                stack.extend(self.nodes[id].children.iter().rev());
            }
        }
        out
    }

    /// Row of the selected node among the visible rows.
    #[must_use]
    pub fn selected_row(&self) -> usize {
        self.visible()
            .iter()
            .position(|&id| id == self.selected)
            .unwrap_or(0)
    }

    /// Select the node on a visible row (clamped). Returns whether the selection changed.
    pub fn select_row(&mut self, row: usize) -> bool {
        let visible = self.visible();
        let id = visible[row.min(visible.len() - 1)];
        let changed = id != self.selected;
        self.selected = id;
        changed
    }

    /// Move the selection by `delta` visible rows. Returns whether the selection changed.
    pub fn move_by(&mut self, delta: isize) -> bool {
        let row = self.selected_row().saturating_add_signed(delta);
        self.select_row(row)
    }

    /// Expand the selected node, or if it is expanded go to its first child.
    pub fn expand(&mut self) -> bool {
        let id = self.selected;
        if self.nodes[id].children.is_empty() || id == ROOT {
            return false;
        }
        if self.expanded[id] {
            self.selected = self.nodes[id].children[0];
            true
        } else {
            self.expanded[id] = true;
            false
        }
    }

    /// Collapse the selected node, or if it is collapsed go to its parent.
    pub fn collapse(&mut self) -> bool {
        let id = self.selected;
        if self.expanded[id] {
            self.expanded[id] = false;
            return false;
        }
        match self.nodes[id].parent {
            Some(p) => {
                self.selected = p;
                true
            }
            None => false,
        }
    }

    /// Toggle the expansion of the selected node. Returns false for a leaf.
    pub fn toggle(&mut self) -> bool {
        let id = self.selected;
        if self.nodes[id].children.is_empty() || id == ROOT {
            return false;
        }
        self.expanded[id] = !self.expanded[id];
        true
    }

    /// Keep the selected row within `height` rows from `offset`.
    pub fn keep_visible(&mut self, height: usize) {
        self.offset = keep_visible(self.selected_row(), self.offset, height);
    }
}

/// The offset that keeps `row` visible in a window of `height` rows starting at `offset`.
#[must_use]
pub fn keep_visible(row: usize, offset: usize, height: usize) -> usize {
    let height = height.max(1);
    if row < offset {
        row
    } else if row >= offset + height {
        row + 1 - height
    } else {
        offset
    }
}
