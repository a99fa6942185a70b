export { ISSUE_CODES, type IssueCode, statusOf } from './codes.js';
export { formatIssue, formatPath, hasErrors, type Issue, type Severity, valueAt } from './issue.js';
