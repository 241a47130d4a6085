import { paginateNewestFirst } from '../repositories/paginate';

// Shared by every plugin's admin list endpoints: newest first, with a total.
export default () => ({ newestFirst: paginateNewestFirst });
