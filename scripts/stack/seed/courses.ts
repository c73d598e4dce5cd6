// Demo course for the seeded union, published the way the course form does (web/lib/courses/publish.ts):
// the lesson files go to IPFS as ONE UnixFS directory under the names lessonFileName gives them, the
// manifest becomes a Ceramic document under the author's own did:pkh (checked against the course
// schema first), and Courses.registerCourse records the manifest's stream id and the directory CID.
// Free, with the credential issued on completion, so a visitor can take it end to end. Called once
// from seedDemo.
import type { Address } from 'viem';
import { coursesAbi } from '../../../web/lib/chain/abi/generated.ts';
import { courseSchema } from '../../../web/lib/courses/schema.ts';
import { describeIssues, validate, type JsonSchema } from '../../../web/lib/ceramic/validate.ts';
import { lessonFileName, lessonTypeOf } from '../../../web/lib/courses/files.ts';
import { courseIdFrom } from '../../../web/lib/courses/receipt.ts';
import { localChain, send } from '../../lib/localChain.ts';
import { jsonRpcProvider } from '../ceramic/eip1193.ts';
import { writeListings } from '../ceramic/writeListing.ts';
import { addFiles } from '../ipfs/client.ts';

export interface CoursesSeedParams {
  rpcUrl: string;
  ceramicUrl: string;
  ipfsApiUrl: string;
  /** The shared Courses contract. */
  courses: Address;
  /** Stream id of the course model. */
  courseModel: string;
  union: Address;
  author: Address;
}

export const DEMO_COURSE = {
  title: 'Subtitling basics',
  summary: 'Two short lessons from Chen on timing subtitles and laying them out, for members who are new to subtitling work.',
  /** As an author would pick them in the form: a title and a file each. */
  lessons: [
    {
      title: 'Timing and reading speed',
      file: 'timing.md',
      text: `# Timing and reading speed

A subtitle is on screen for **one to seven seconds**. Viewers read about 15–17 characters per second,
so a two-line subtitle of 80 characters needs at least five seconds.

- Start the subtitle when the speaker starts, not before.
- Leave two frames of gap between subtitles so the eye sees the change.
- Never carry a subtitle across a shot change unless the speech does.
`,
    },
    {
      title: 'Line breaks and the SRT format',
      file: 'srt.md',
      text: `# Line breaks and the SRT format

An SRT file is numbered blocks: an index, a time range, one or two lines of text, a blank line.

\`\`\`
1
00:00:01,200 --> 00:00:04,000
We would rather build
a shared economy.
\`\`\`

Break lines at a pause in the grammar: after a comma, before a conjunction, never between an
article and its noun. Keep the lower line the longer one when you can.
`,
    },
  ],
  authorShareBps: 7000,
  autoIssue: true,
} as const;

export async function seedCourse(p: CoursesSeedParams): Promise<{ courseId: bigint; manifest: string; contentCid: string }> {
  const lc = localChain(p.rpcUrl);
  const lessons = DEMO_COURSE.lessons.map((l, i) => {
    const type = lessonTypeOf(l.file);
    if (!type) throw new Error(`${l.file} is not a lesson file the site can show`);
    return { title: l.title, path: lessonFileName(i, l.title, l.file), type };
  });
  const added = await addFiles(
    p.ipfsApiUrl,
    DEMO_COURSE.lessons.map((l, i) => ({ path: lessons[i]!.path, content: l.text })),
  );
  const root = added.find((l) => l.Name === '');
  if (!root) throw new Error('IPFS add returned no directory for the demo course');
  for (const l of lessons) if (!added.some((a) => a.Name === l.path)) throw new Error(`IPFS add did not add ${l.path}`);

  const manifest = {
    union: p.union,
    author: p.author,
    title: DEMO_COURSE.title,
    summary: DEMO_COURSE.summary,
    contentCid: root.Hash,
    lessons,
    price: '0',
    authorShareBps: DEMO_COURSE.authorShareBps,
    previousVersions: [],
  };
  const issues = validate(courseSchema as unknown as JsonSchema, manifest);
  if (issues.length > 0) throw new Error(`demo course manifest is invalid: ${describeIssues(issues)}`);
  const [streamId] = await writeListings({ ceramicUrl: p.ceramicUrl, provider: jsonRpcProvider(p.rpcUrl, p.author), address: p.author }, [
    { model: p.courseModel, content: manifest },
  ]);
  if (!streamId) throw new Error('Ceramic returned no stream id for the demo course manifest');

  const receipt = await send(lc, p.author, {
    address: p.courses,
    abi: coursesAbi,
    functionName: 'registerCourse',
    args: [p.union, streamId, root.Hash, 0n, DEMO_COURSE.authorShareBps, DEMO_COURSE.autoIssue],
  });
  const courseId = courseIdFrom(receipt);
  if (courseId === null) throw new Error('registerCourse emitted no CourseRegistered event');
  return { courseId, manifest: streamId, contentCid: root.Hash };
}
