// Sentences for Courses (courses, enrolments, credentials), by exact error name; typed from the
// generated ABI so a missing or misspelt name does not compile.
import type { ErrorSentences, ErrorsNamed } from '$lib/chain/errorSentences';

export const coursesErrors: ErrorSentences<ErrorsNamed<'Courses_'>> = {
	Courses_AlreadyCredentialed: 'This member already holds this course’s credential',
	Courses_AlreadyEnrolled: 'You are already enrolled in this course',
	Courses_BadId: 'The course’s manifest or file id is empty or too long',
	Courses_NoCredential: 'There is no such credential',
	Courses_NotAuthor: 'Only the course’s author can do this',
	Courses_NotEnrolled: 'This member is not enrolled in this course',
	Courses_NotMember: 'Only members can do this',
	Courses_PriceAboveMax: 'The course’s price went up since you looked; check the new price and enrol again',
	Courses_ShareTooHigh: 'The author’s share cannot be more than 100 percent',
	Courses_UnknownCourse: 'There is no such course',
	Courses_UnknownUnion: 'The courses contract does not know this union'
};
