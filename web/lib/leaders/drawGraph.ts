// Draws a leader's support base with sigma.js (WebGL) over a graphology graph. Sigma, graphology
// and ForceAtlas2 are imported here only, and this module only by dynamic import, so none of them
// weigh on the first load. Layout: backers start on rings by distance from the leader (instant and
// readable), then ForceAtlas2 refines them in its own worker for a few seconds; drawing 10k nodes
// stays smooth because sigma renders on the GPU and the layout never runs on the UI thread.
import type { BackingGraph } from '$lib/leaders/rank/graph';

export interface DrawnGraph {
	nodes: number;
	edges: number;
	/** Stops the layout and frees the WebGL context. */
	destroy(): void;
}

export interface DrawOptions {
	/** Labels for addresses (profile names). */
	label: (address: string) => string;
	/** A node was tapped. */
	onSelect?: (address: string) => void;
	/** How long ForceAtlas2 runs before it stops (ms). */
	layoutMs?: number;
}

type SupportBase = ReturnType<BackingGraph['supportBase']>;

const DEPTH_COLOURS = ['#c2410c', '#2563eb', '#0d9488', '#7c3aed', '#64748b'];

export async function drawSupportBase(container: HTMLElement, base: SupportBase, options: DrawOptions): Promise<DrawnGraph> {
	const [{ default: Graph }, { default: Sigma }, { default: FA2Layout }, { inferSettings }] = await Promise.all([
		import('graphology'),
		import('sigma'),
		import('graphology-layout-forceatlas2/worker'),
		import('graphology-layout-forceatlas2')
	]);
	const graph = new Graph({ type: 'directed', multi: false });
	const perDepth = new Map<number, number>();
	for (let k = 0; k < base.nodes.length; k++) perDepth.set(base.depth[k], (perDepth.get(base.depth[k]) ?? 0) + 1);
	const placed = new Map<number, number>();
	for (let k = 0; k < base.nodes.length; k++) {
		const depth = base.depth[k];
		const i = placed.get(depth) ?? 0;
		placed.set(depth, i + 1);
		const angle = (2 * Math.PI * i) / (perDepth.get(depth) ?? 1) + depth * 0.7;
		graph.addNode(base.nodes[k], {
			x: depth * Math.cos(angle) * 10,
			y: depth * Math.sin(angle) * 10,
			size: k === 0 ? 12 : Math.max(2, 7 - depth),
			color: DEPTH_COLOURS[Math.min(depth, DEPTH_COLOURS.length - 1)],
			// Labels for the leader and direct backers only: thousands of labels are noise.
			label: depth <= 1 ? options.label(base.nodes[k]) : undefined
		});
	}
	for (const [from, to] of base.edges) graph.mergeEdge(base.nodes[from], base.nodes[to], { size: 0.5, color: '#cbd5e1' });

	const renderer = new Sigma(graph, container);
	renderer.on('clickNode', ({ node }) => options.onSelect?.(node));
	const layout = graph.order > 1 ? new FA2Layout(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 } }) : null;
	layout?.start();
	const timer = setTimeout(() => layout?.stop(), options.layoutMs ?? 4_000);
	return {
		nodes: graph.order,
		edges: graph.size,
		destroy() {
			clearTimeout(timer);
			layout?.kill();
			renderer.kill();
		}
	};
}
