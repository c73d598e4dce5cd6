// The posts' feed: state/feed.svelte.ts's paginated list, of checked posts.
import { Feed, type PageLoader as Loader } from '$lib/state/feed.svelte';
import type { PostItem } from './posts';

export type PageLoader = Loader<PostItem>;

export class PostFeed extends Feed<PostItem> {}
