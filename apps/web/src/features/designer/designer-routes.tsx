import { Route, Routes } from 'react-router';
import { DesignerListPage } from './designer-list-page.tsx';
import { DesignerPage } from './designer-page.tsx';

/** `/designer/*`: the routing list and the editor of one version. */
export function DesignerRoutes() {
  return (
    <Routes>
      <Route index element={<DesignerListPage />} />
      <Route path=":code" element={<DesignerPage />} />
      <Route path=":code/:n" element={<DesignerPage />} />
    </Routes>
  );
}
