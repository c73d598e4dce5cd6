/** The largest goal a campaign can hold: Crowdfund packs goal and raised into 96 bits beside an address. */
export const MAX_GOAL = 2n ** 96n - 1n;
