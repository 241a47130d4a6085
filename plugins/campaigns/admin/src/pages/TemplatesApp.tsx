import { Route, Routes } from 'react-router-dom';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';

const TemplatesApp = () => (
  <Routes>
    <Route index element={<TemplateList />} />
    <Route path=":documentId" element={<TemplateEditor />} />
  </Routes>
);

export default TemplatesApp;
