// Route parameter checks shared by pages.
export type Address = `0x${string}`;

export function asAddress(param: string | undefined): Address | null {
	return param && /^0x[0-9a-fA-F]{40}$/.test(param) ? (param as Address) : null;
}
