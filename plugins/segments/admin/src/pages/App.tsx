import { Route, Routes } from 'react-router-dom';
import { SegmentEditor } from './SegmentEditor';
import { SegmentList } from './SegmentList';

const App = () => (
  <Routes>
    <Route index element={<SegmentList />} />
    <Route path=":documentId" element={<SegmentEditor />} />
  </Routes>
);

export default App;
