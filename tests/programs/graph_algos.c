/* Graph algorithms on adjacency matrices/lists: BFS, DFS, Dijkstra, topological sort, union-find. */
#include <stdio.h>
#include <string.h>
#include <limits.h>

#define V 10
static int adj[V][V];
static int parent[V], rnk[V];

static int find(int x) { while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; }
static int unite(int a, int b) {
    a = find(a); b = find(b);
    if (a == b) return 0;
    if (rnk[a] < rnk[b]) { int t = a; a = b; b = t; }
    parent[b] = a;
    if (rnk[a] == rnk[b]) rnk[a]++;
    return 1;
}
static void dfs(int u, int *seen, int *order, int *n) {
    seen[u] = 1;
    order[(*n)++] = u;
    for (int v = 0; v < V; v++) if (adj[u][v] && !seen[v]) dfs(v, seen, order, n);
}

int main(void) {
    int edges[][3] = {{0, 1, 4}, {0, 2, 1}, {2, 1, 2}, {1, 3, 1}, {2, 3, 5}, {3, 4, 3}, {4, 5, 1}, {5, 6, 2}, {4, 6, 7},
                      {6, 7, 1}, {8, 9, 2}};
    int ne = sizeof edges / sizeof edges[0];
    for (int i = 0; i < ne; i++) adj[edges[i][0]][edges[i][1]] = adj[edges[i][1]][edges[i][0]] = edges[i][2];
    int dist[V], q[V], head = 0, tail = 0;
    for (int i = 0; i < V; i++) dist[i] = -1;
    dist[0] = 0; q[tail++] = 0;
    while (head < tail) { int u = q[head++]; for (int v = 0; v < V; v++) if (adj[u][v] && dist[v] < 0) { dist[v] = dist[u] + 1; q[tail++] = v; } }
    printf("bfs hops:");
    for (int i = 0; i < V; i++) printf(" %d", dist[i]);
    printf("\n");
    int seen[V] = {0}, order[V], n = 0;
    dfs(0, seen, order, &n);
    printf("dfs:");
    for (int i = 0; i < n; i++) printf(" %d", order[i]);
    printf("\n");
    int d[V], done[V] = {0};
    for (int i = 0; i < V; i++) d[i] = INT_MAX;
    d[0] = 0;
    for (int it = 0; it < V; it++) {
        int u = -1;
        for (int i = 0; i < V; i++) if (!done[i] && d[i] != INT_MAX && (u < 0 || d[i] < d[u])) u = i;
        if (u < 0) break;
        done[u] = 1;
        for (int v = 0; v < V; v++) if (adj[u][v] && d[u] + adj[u][v] < d[v]) d[v] = d[u] + adj[u][v];
    }
    printf("dijkstra:");
    for (int i = 0; i < V; i++) printf(" %d", d[i] == INT_MAX ? -1 : d[i]);
    printf("\n");
    /* topological sort (Kahn) on a DAG */
    int dag[6][6] = {{0}}, indeg[6] = {0};
    int de[][2] = {{5, 2}, {5, 0}, {4, 0}, {4, 1}, {2, 3}, {3, 1}};
    for (int i = 0; i < 6; i++) { dag[de[i][0]][de[i][1]] = 1; indeg[de[i][1]]++; }
    int topo[6], tn = 0;
    for (int step = 0; step < 6; step++)
        for (int u = 0; u < 6; u++)
            if (indeg[u] == 0) { indeg[u] = -1; topo[tn++] = u; for (int v = 0; v < 6; v++) if (dag[u][v]) indeg[v]--; break; }
    printf("topo:");
    for (int i = 0; i < tn; i++) printf(" %d", topo[i]);
    printf("\n");
    /* Kruskal MST with union-find (edges sorted by weight by selection) */
    for (int i = 0; i < V; i++) { parent[i] = i; rnk[i] = 0; }
    int used[16] = {0}, mst = 0, comps = V;
    for (int k = 0; k < ne; k++) {
        int best = -1;
        for (int i = 0; i < ne; i++) if (!used[i] && (best < 0 || edges[i][2] < edges[best][2])) best = i;
        used[best] = 1;
        if (unite(edges[best][0], edges[best][1])) { mst += edges[best][2]; comps--; }
    }
    printf("mst weight=%d components=%d\n", mst, comps);
    return mst;
}
