using System.Text;

namespace Kam.Core.Accounts;

/// <summary>
/// The precomputed shape of a forest of nodes indexed 0..n-1 (the units of an <see cref="Organization"/>, the accounts
/// of an <see cref="AccountHierarchy"/>): parents, depths, children and a pre-order in which every subtree is one
/// contiguous range, so that ancestors, descendants and roll-ups cost time linear in what they return.
/// </summary>
/// <remarks>Built once, never changed: safe to share between threads.</remarks>
internal sealed class TreeIndex
{
    private TreeIndex(int[] parent, int[] depth, int[] preorder, int[] position, int[] subtreeEnd, int[] childStart, int[] children)
    {
        Parent = parent;
        Depth = depth;
        Preorder = preorder;
        Position = position;
        SubtreeEnd = subtreeEnd;
        ChildStart = childStart;
        Children = children;
    }

    /// <summary>Gets the parent of each node, or -1 for a root.</summary>
    public int[] Parent { get; }

    /// <summary>Gets the depth of each node (0 for a root).</summary>
    public int[] Depth { get; }

    /// <summary>Gets the nodes in pre-order: a parent before its children, roots and siblings in input order.</summary>
    public int[] Preorder { get; }

    /// <summary>Gets each node's position in <see cref="Preorder"/>.</summary>
    public int[] Position { get; }

    /// <summary>Gets, for each node, the end (exclusive) of its subtree's range in <see cref="Preorder"/>; the range starts at the node's own position.</summary>
    public int[] SubtreeEnd { get; }

    /// <summary>Gets where each node's children start in <see cref="Children"/> (length n + 1).</summary>
    public int[] ChildStart { get; }

    /// <summary>Gets the children of every node, grouped by parent, in input order.</summary>
    public int[] Children { get; }

    /// <summary>Gets the number of nodes.</summary>
    public int Count => Parent.Length;

    /// <summary>
    /// Rolls values up the forest in one pass: each node's total is its own value plus the totals of its children.
    /// Each node comes after every node below it in reverse pre-order, so adding a node's total into its parent's is
    /// enough.
    /// </summary>
    /// <typeparam name="T">The value.</typeparam>
    /// <param name="own">Each node's own value (not changed).</param>
    /// <param name="add">Adds a child's total to its parent's total so far: (parent node, parent's total, child's total) → the new total.</param>
    /// <returns>Each node's total.</returns>
    public T[] RollUp<T>(T[] own, Func<int, T, T, T> add)
    {
        var total = (T[])own.Clone();
        for (var k = Count - 1; k >= 0; k--)
        {
            var node = Preorder[k];
            if (Parent[node] is var parent and >= 0)
            {
                total[parent] = add(parent, total[parent], total[node]);
            }
        }

        return total;
    }

    /// <summary>
    /// Builds the index, or reports every cycle of parents (once per cycle, at the parent path of its first node in
    /// input order, naming the chain) and returns <see langword="null"/>.
    /// </summary>
    /// <param name="parent">The parent of each node, or -1; unknown parents must already be reported and given as -1.</param>
    /// <param name="parentPath">The path of a node's parent member (<c>units[3].parent</c>).</param>
    /// <param name="name">The identifier text of a node.</param>
    /// <param name="errors">Where cycles are reported.</param>
    /// <returns>The index, or <see langword="null"/> when there is a cycle.</returns>
    public static TreeIndex? Build(int[] parent, Func<int, string> parentPath, Func<int, string> name, ValidationCollector errors)
    {
        var n = parent.Length;
        var childStart = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            if (parent[i] >= 0)
            {
                childStart[parent[i] + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            childStart[i + 1] += childStart[i];
        }

        var children = new int[childStart[n]];
        var fill = (int[])childStart.Clone();
        for (var i = 0; i < n; i++)
        {
            if (parent[i] >= 0)
            {
                children[fill[parent[i]]++] = i;
            }
        }

        var depth = new int[n];
        var preorder = new int[n];
        var position = new int[n];
        var subtreeEnd = new int[n];
        Array.Fill(position, -1);
        var count = 0;
        var stack = new Stack<(int Node, int NextChild)>();
        for (var root = 0; root < n; root++)
        {
            if (parent[root] >= 0)
            {
                continue;
            }

            position[root] = count;
            preorder[count++] = root;
            stack.Push((root, childStart[root]));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next == childStart[node + 1])
                {
                    subtreeEnd[node] = count;
                    continue;
                }

                stack.Push((node, next + 1));
                var child = children[next];
                depth[child] = depth[node] + 1;
                position[child] = count;
                preorder[count++] = child;
                stack.Push((child, childStart[child]));
            }
        }

        if (count == n)
        {
            return new TreeIndex(parent, depth, preorder, position, subtreeEnd, childStart, children);
        }

        ReportCycles(parent, position, parentPath, name, errors);
        return null;
    }

    /// <summary>Gets the ancestors of a node, nearest first.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The ancestors' indices.</returns>
    public int[] Ancestors(int node)
    {
        var result = new int[Depth[node]];
        for (int p = Parent[node], k = 0; p >= 0; p = Parent[p])
        {
            result[k++] = p;
        }

        return result;
    }

    /// <summary>Gets the descendants of a node (not the node itself) in pre-order.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The descendants' indices.</returns>
    public int[] Descendants(int node) => Preorder[(Position[node] + 1)..SubtreeEnd[node]];

    /// <summary>Gets the children of a node in input order.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The children's indices.</returns>
    public int[] ChildrenOf(int node) => Children[ChildStart[node]..ChildStart[node + 1]];

    private static void ReportCycles(int[] parent, int[] position, Func<int, string> parentPath, Func<int, string> name, ValidationCollector errors)
    {
        // Every node not reached from a root is on a cycle or below one (each node has at most one parent).
        var walk = new int[parent.Length];
        for (var start = 0; start < parent.Length; start++)
        {
            if (position[start] >= 0 || walk[start] != 0)
            {
                continue;
            }

            var node = start;
            while (node >= 0 && position[node] < 0 && walk[node] == 0)
            {
                walk[node] = start + 1;
                node = parent[node];
            }

            if (node < 0 || position[node] >= 0 || walk[node] != start + 1)
            {
                continue;
            }

            // node is on a new cycle: list it from its first member in input order.
            var first = node;
            for (var p = parent[node]; p != node; p = parent[p])
            {
                first = Math.Min(first, p);
            }

            var chain = new StringBuilder(name(first));
            for (var p = parent[first]; ; p = parent[p])
            {
                chain.Append(" → ").Append(name(p));
                if (p == first)
                {
                    break;
                }
            }

            errors.Add(parentPath(first), KamErrorCodes.InvalidState, name(parent[first]), $"The parents form a cycle ({chain}); a hierarchy must have no cycle.");
        }
    }
}
