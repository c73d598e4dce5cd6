// The app's one table of contract-error sentences: each feature's table plus the library errors',
// checked complete against the generated errors ABI (a new error without a sentence does not
// compile; test/unit/web/errors.test.ts checks the same at run time). Importing this module
// registers the table with chain/errorSentences.ts, which knows no feature; chain/read.ts and
// chain/write.ts import it (lazy, like all chain code), so the tables stay off the first load.
import { registerErrorSentences, type ContractErrorName, type ErrorSentences } from '$lib/chain/errorSentences';
import { libraryErrors } from '$lib/chain/libraryErrors';
import { unionErrors } from '$lib/union/errors';
import { marketErrors } from '$lib/market/errors';
import { fundErrors } from '$lib/fund/errors';
import { governanceErrors } from '$lib/governance/errors';
import { demandsErrors } from '$lib/demands/errors';
import { coursesErrors } from '$lib/courses/errors';
import { sponsorErrors } from '$lib/sponsor/errors';

export const contractErrorSentences = {
	...libraryErrors,
	...unionErrors,
	...marketErrors,
	...fundErrors,
	...governanceErrors,
	...demandsErrors,
	...coursesErrors,
	...sponsorErrors
} satisfies ErrorSentences<ContractErrorName>;

registerErrorSentences(contractErrorSentences);
