// The sections of a union, in the order its tab row shows them. Each path is relative to /u/<union>.
export interface UnionSection {
	id: string;
	label: string;
	path: string;
}

export const UNION_SECTIONS: readonly UnionSection[] = [
	{ id: 'home', label: 'Union', path: '' },
	{ id: 'feed', label: 'Feed', path: '/feed' },
	{ id: 'leaders', label: 'Leaders', path: '/leaders' },
	{ id: 'market', label: 'Market', path: '/market' },
	{ id: 'fund', label: 'Public goods', path: '/fund' },
	{ id: 'swap', label: 'Swap', path: '/swap' },
	{ id: 'govern', label: 'Governance', path: '/govern' },
	{ id: 'demands', label: 'Demands', path: '/demands' },
	{ id: 'courses', label: 'Courses', path: '/courses' },
];
